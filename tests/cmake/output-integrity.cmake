# Output integrity (issue 11): every lost write is exit 3 with a message;
# -o replaces only a regular file, keeps its mode, and leaves no temporary
# file behind when interrupted; messages are ASCII in the C locale.
#   -DGOVSIM=... -DWORK=... -DHOSTILE=... -DINVALID=...
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(expect_sh what script want_rc want_err)
  execute_process(COMMAND sh -c "${script}" RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL "${want_rc}")
    message(FATAL_ERROR "${what}: expected exit ${want_rc}, got '${rc}'\n${err}")
  endif()
  if(want_err AND NOT err MATCHES "${want_err}")
    message(FATAL_ERROR "${what}: standard error lacks '${want_err}':\n${err}")
  endif()
  set(last_out "${out}" PARENT_SCOPE)
endfunction()

# Standard output full, or closed.
expect_sh("/dev/full" "'${GOVSIM}' run > /dev/full" 3
          "cannot write the report to standard output: No space left")
expect_sh("closed stdout" "'${GOVSIM}' run >&-" 3
          "cannot write the report to standard output")

# A FIFO (or a device) is not replaced.
expect_sh("fifo" "mkfifo '${WORK}/fifo' && '${GOVSIM}' run -o '${WORK}/fifo'"
          3 "is not a regular file")
expect_sh("fifo kept" "test -p '${WORK}/fifo'" 0 "")

# A file replaced keeps its mode; a new one gets 0666 less the umask.
expect_sh("mode" "echo old > '${WORK}/r.txt' && chmod 640 '${WORK}/r.txt' && '${GOVSIM}' run -o '${WORK}/r.txt' && stat -c %a '${WORK}/r.txt'" 0 "")
if(NOT last_out MATCHES "^640")
  message(FATAL_ERROR "the replaced report's mode is ${last_out}, not 640")
endif()
expect_sh("new" "umask 022 && '${GOVSIM}' run -o '${WORK}/n.txt' && stat -c %a '${WORK}/n.txt'" 0 "")
if(NOT last_out MATCHES "^644")
  message(FATAL_ERROR "a new report's mode is ${last_out}, not 644")
endif()

# SIGTERM while -o writes a large report: no temporary file is left.
expect_sh("sigterm"
  "'${GOVSIM}' run --trace --max-records 2000000 '${HOSTILE}/minute-meetings-one-year.xml' -o '${WORK}/big.txt' & pid=$!; i=0; while [ $i -lt 1000 ] && ! ls '${WORK}'/big.txt.* >/dev/null 2>&1; do sleep 0.01; i=$((i+1)); done; kill -TERM $pid; wait $pid; ls '${WORK}' | grep -c big.txt; true"
  0 "")
if(NOT last_out MATCHES "^0")
  message(FATAL_ERROR "SIGTERM left ${last_out} report files behind")
endif()

# Money in messages: UTF-8 where the locale is, plain ASCII in C.
expect_sh("C locale" "LC_ALL=C '${GOVSIM}' check '${INVALID}/gateway-empty-range.xml'"
          2 "over GBP 5,000 and up to GBP 4,000")
message(STATUS "output integrity holds")
