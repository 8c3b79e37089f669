# govsim montecarlo and merge from the command line:
#  - the same bytes on 1, 2, 3 and 8 threads;
#  - three shards merged into exactly the bytes of one run, whatever the
#    order the parts are given in;
#  - --precision stops at the same point twice, and says where;
#  - bad arguments and parts that do not belong together: exit 2.
#   -DGOVSIM=... -DSCENARIO=... -DOTHER=... -DWORK=...
function(run_ok out)
  execute_process(COMMAND ${GOVSIM} ${ARGN} OUTPUT_VARIABLE o ERROR_VARIABLE e
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "govsim ${ARGN}: exit ${rc}\n${e}")
  endif()
  set(${out} "${o}" PARENT_SCOPE)
endfunction()
function(expect_exit code want)
  execute_process(COMMAND ${GOVSIM} ${ARGN} OUTPUT_VARIABLE o ERROR_VARIABLE e
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL code)
    message(FATAL_ERROR "govsim ${ARGN}: expected exit ${code}, got ${rc}\n${e}")
  endif()
  string(FIND "${e}" "${want}" at)
  if(at LESS 0)
    message(FATAL_ERROR "govsim ${ARGN}: stderr lacks '${want}':\n${e}")
  endif()
endfunction()

file(MAKE_DIRECTORY ${WORK})
run_ok(one montecarlo ${SCENARIO} --runs 300 --threads 1 --quiet)
foreach(t 2 3 8)
  run_ok(many montecarlo ${SCENARIO} --runs 300 --threads ${t} --quiet)
  if(NOT many STREQUAL one)
    message(FATAL_ERROR "montecarlo on ${t} threads differs from 1 thread")
  endif()
endforeach()

foreach(k 1 2 3)
  run_ok(part montecarlo ${SCENARIO} --runs 300 --shard ${k}/3 --quiet
         -o ${WORK}/part${k}.json)
endforeach()
run_ok(merged merge ${WORK}/part3.json ${WORK}/part1.json ${WORK}/part2.json)
if(NOT merged STREQUAL one)
  message(FATAL_ERROR "merge of three shards differs from one run")
endif()

run_ok(p1 montecarlo ${SCENARIO} --runs 20000 --precision 0.01 --quiet)
run_ok(p2 montecarlo ${SCENARIO} --runs 20000 --precision 0.01 --threads 1 --quiet)
if(NOT p1 STREQUAL p2)
  message(FATAL_ERROR "--precision did not stop at the same point twice")
endif()
string(FIND "${p1}" "every headline interval is narrower than asked" at)
if(at LESS 0)
  message(FATAL_ERROR "--precision 0.01 did not stop early:\n${p1}")
endif()

expect_exit(2 "--runs must be at least 1" montecarlo ${SCENARIO} --runs 0)
expect_exit(2 "--threads must be 1 to 1024" montecarlo ${SCENARIO} --threads 0)
expect_exit(2 "--shard needs K/N" montecarlo ${SCENARIO} --shard 3/2)
expect_exit(2 "shard 2/3 given twice" merge ${WORK}/part2.json ${WORK}/part2.json)
expect_exit(2 "shard 3/3 is missing" merge ${WORK}/part1.json ${WORK}/part2.json)
run_ok(x montecarlo ${SCENARIO} --runs 300 --seed 99 --shard 2/3 --quiet
       -o ${WORK}/seed99.json)
expect_exit(2 "not of one study" merge ${WORK}/part1.json ${WORK}/seed99.json
            ${WORK}/part3.json)
run_ok(x montecarlo ${OTHER} --runs 300 --shard 2/3 --quiet
       -o ${WORK}/other.json)
expect_exit(2 "another scenario" merge ${WORK}/part1.json ${WORK}/other.json
            ${WORK}/part3.json)

# JSON: a document of kind "study" whose headline is a probability with
# its interval, the same on any number of threads.
run_ok(j1 montecarlo ${SCENARIO} --runs 100 --threads 1 --format json --quiet)
run_ok(j2 montecarlo ${SCENARIO} --runs 100 --threads 2 --format json --quiet)
if(NOT j1 STREQUAL j2)
  message(FATAL_ERROR "JSON differs between 1 and 2 threads")
endif()
string(JSON kind GET "${j1}" kind)
string(JSON level GET "${j1}" whole approved level)
string(JSON lo GET "${j1}" whole approved ci 0)
# 0.95 as json-glib writes it (17 significant digits): 0.94999999999999996.
if(NOT kind STREQUAL "study" OR NOT level MATCHES "^0[.]9(5|49999)" OR lo STREQUAL "")
  message(FATAL_ERROR "not a study document:\n${j1}")
endif()
