# Determinism test: the same scenario and seed, run twice in separate
# processes, give byte-identical output; a different seed gives different
# output (so the test would notice a seed that is ignored).
#   -DGOVSIM=... -DSCENARIO=...
function(run_once seed var)
  execute_process(
    COMMAND ${GOVSIM} run ${SCENARIO} --seed ${seed} --trace
    OUTPUT_VARIABLE out
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "govsim exited with ${rc}")
  endif()
  set(${var} "${out}" PARENT_SCOPE)
endfunction()

run_once(7 first)
run_once(7 second)
run_once(8 other)
if(NOT first STREQUAL second)
  message(FATAL_ERROR "two runs with seed 7 differ")
endif()
if(first STREQUAL other)
  message(FATAL_ERROR "seeds 7 and 8 gave identical output: is the seed used?")
endif()
