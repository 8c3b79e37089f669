# govsim montecarlo on two MPI ranks on this machine prints exactly the
# bytes one process prints.
#   -DGOVSIM=... -DMPIEXEC=... -DSCENARIO=...
execute_process(COMMAND ${GOVSIM} montecarlo ${SCENARIO} --runs 500 --quiet
                OUTPUT_VARIABLE one RESULT_VARIABLE rc1 ERROR_VARIABLE e1)
# As root (CI), Open MPI needs leave to run; two ranks on two cores.
execute_process(COMMAND ${MPIEXEC} --allow-run-as-root --oversubscribe -np 2
                        ${GOVSIM} montecarlo ${SCENARIO} --runs 500 --quiet
                OUTPUT_VARIABLE two RESULT_VARIABLE rc2 ERROR_VARIABLE e2)
if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
  message(FATAL_ERROR "exit ${rc1} / ${rc2}\n${e1}\n${e2}")
endif()
if(NOT one STREQUAL two)
  message(FATAL_ERROR "two MPI ranks differ from one process:\n${two}")
endif()
