# Runs `govsim ARGS` (a ;-list) and fails unless it exits with EXIT and,
# when EXPECT_OUT is given (a ;-list), its standard output contains each
# string.
#   -DGOVSIM=... -DARGS=... -DEXIT=N [-DEXPECT_OUT=...]
execute_process(
  COMMAND ${GOVSIM} ${ARGS}
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE rc)
if(NOT rc EQUAL EXIT)
  message(FATAL_ERROR "govsim ${ARGS}: expected exit ${EXIT}, got ${rc}\n"
                      "stdout:\n${out}\nstderr:\n${err}")
endif()
foreach(want IN LISTS EXPECT_OUT)
  string(FIND "${out}" "${want}" at)
  if(at LESS 0)
    message(FATAL_ERROR "govsim ${ARGS}: output lacks '${want}'\n${out}")
  endif()
endforeach()
