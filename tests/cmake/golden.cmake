# Golden-output test: runs `govsim run SCENARIO --seed 1 --trace` and compares
# standard output byte for byte with the stored expected file.  To accept a
# deliberate change, regenerate with the same command and review the diff.
#   -DGOVSIM=... -DSCENARIO=... -DEXPECTED=...
execute_process(
  COMMAND ${GOVSIM} run ${SCENARIO} --seed 1 --trace
  OUTPUT_VARIABLE actual
  ERROR_VARIABLE err
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "govsim exited with ${rc}: ${err}")
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
  get_filename_component(name ${EXPECTED} NAME)
  set(actual_file ${CMAKE_CURRENT_BINARY_DIR}/${name}.actual)
  file(WRITE ${actual_file} "${actual}")
  execute_process(COMMAND diff -u ${EXPECTED} ${actual_file})
  message(FATAL_ERROR "output differs from ${EXPECTED}; actual output in ${actual_file}")
endif()
