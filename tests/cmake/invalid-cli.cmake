# Every file of the invalid corpus, given to `govsim check`, must exit 2 and
# print at least one "file:line: message" line on standard error, no other
# line there but a message's continuation (indented) (libxml2's own diagnostics must not leak through), and nothing
# on standard output.
#   -DGOVSIM=... -DDIR=...
file(GLOB files ${DIR}/*.xml)
list(LENGTH files n)
if(n LESS 20)
  message(FATAL_ERROR "the invalid corpus has only ${n} files")
endif()
foreach(f ${files})
  execute_process(
    COMMAND ${GOVSIM} check ${f}
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "${f}: expected exit 2, got ${rc}\n${err}")
  endif()
  string(REGEX MATCH "^[^\n]*${f}:[0-9]+: [^\n]+" hit "${err}")
  if(NOT hit)
    message(FATAL_ERROR "${f}: no file:line: message on stderr:\n${err}")
  endif()
  # A message may go on over lines indented by a space.
  string(REGEX REPLACE "\n$" "" trimmed "${err}")
  string(REPLACE ";" "," trimmed "${trimmed}")
  string(REPLACE "\n" ";" lines "${trimmed}")
  foreach(line IN LISTS lines)
    string(FIND "${line}" "${f}:" at)
    string(REGEX MATCH "^ " continued "${line}")
    if(NOT at EQUAL 0 AND NOT continued)
      message(FATAL_ERROR "${f}: a line on stderr is not file:line: message:\n${line}")
    endif()
  endforeach()
  if(NOT out STREQUAL "")
    message(FATAL_ERROR "${f}: unexpected standard output:\n${out}")
  endif()
endforeach()
message(STATUS "${n} invalid files refused with exit 2 and file:line messages")
