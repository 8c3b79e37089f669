# Runs `govsim ARGS` (a ;-list) and fails unless it exits with EXIT and,
# when EXPECT_OUT is given (a ;-list), its standard output contains each
# string, and when EXPECT_ERR is given, its standard error contains each.
#   -DGOVSIM=... -DARGS=... -DEXIT=N [-DEXPECT_OUT=...] [-DEXPECT_ERR=...]
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
foreach(want IN LISTS EXPECT_ERR)
  string(FIND "${err}" "${want}" at)
  if(at LESS 0)
    message(FATAL_ERROR "govsim ${ARGS}: standard error lacks '${want}'\n${err}")
  endif()
endforeach()
