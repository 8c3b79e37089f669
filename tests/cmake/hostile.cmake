# The hostile corpus (issue 11): every file under tests/data/hostile/ and
# every file tests/tools/gs-hostile-gen writes, given to `govsim check` and
# `govsim run`, must end with the exit status its "expect: check N, run M"
# comment states (0, 1, 2 or 3 as README.md documents), never with a signal,
# within TIMEOUT seconds and, where prlimit is available and no sanitizer
# reserves address space, within 512 MiB of address space.
#   -DGOVSIM=... -DGEN=... -DDIR=... -DGEN_DIR=... [-DTIMEOUT=5] [-DPRLIMIT=...]
if(NOT TIMEOUT)
  set(TIMEOUT 5)
endif()
file(MAKE_DIRECTORY ${GEN_DIR})
execute_process(COMMAND ${GEN} ${GEN_DIR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gs-hostile-gen failed: ${rc}")
endif()
file(GLOB files ${DIR}/*.xml ${GEN_DIR}/*.xml)
list(LENGTH files n)
if(n LESS 12)
  message(FATAL_ERROR "the hostile corpus has only ${n} files")
endif()
set(limit "")
if(PRLIMIT)
  set(limit ${PRLIMIT} --as=536870912)
endif()
foreach(f ${files})
  file(READ ${f} head LIMIT 1000)
  string(REGEX MATCH "expect: check ([0-3]), run ([0-3])" hit "${head}")
  if(NOT hit)
    message(FATAL_ERROR "${f}: no 'expect: check N, run M' comment")
  endif()
  set(want_check ${CMAKE_MATCH_1})
  set(want_run ${CMAKE_MATCH_2})
  foreach(cmd check run)
    execute_process(
      COMMAND ${limit} ${GOVSIM} ${cmd} ${f}
      OUTPUT_QUIET
      ERROR_VARIABLE err
      RESULT_VARIABLE rc
      TIMEOUT ${TIMEOUT})
    if(cmd STREQUAL "check")
      set(want ${want_check})
    else()
      set(want ${want_run})
    endif()
    if(NOT rc STREQUAL want)
      string(SUBSTRING "${err}" 0 600 err)
      message(FATAL_ERROR "${f}: govsim ${cmd}: expected exit ${want}, got '${rc}'\n${err}")
    endif()
    if(want EQUAL 2 AND NOT err MATCHES "${f}:[0-9]+: ")
      message(FATAL_ERROR "${f}: govsim ${cmd}: no file:line: message\n${err}")
    endif()
  endforeach()
endforeach()
message(STATUS "${n} hostile files: every exit as expected, each within ${TIMEOUT} s")
