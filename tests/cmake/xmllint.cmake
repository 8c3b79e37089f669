# Every shipped scenario validates against the shipped schema with xmllint,
# an implementation independent of govsim's own loading path.
#   -DXMLLINT=... -DSCHEMA=... -DDIR=...
file(GLOB files ${DIR}/*.xml)
foreach(f ${files})
  execute_process(
    COMMAND ${XMLLINT} --noout --nonet --schema ${SCHEMA} ${f}
    ERROR_VARIABLE err
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${f} does not validate:\n${err}")
  endif()
endforeach()
