# The exit status of `govsim check` at each --fail-on level, on the small
# files of tests/data/checks/, each of which has findings of one severity
# only (or none); a bad level and a file that does not load give 2, which
# wins over findings; --quiet prints the findings and nothing else.
#   -DGOVSIM=... -DDIR=...

# Runs `govsim check ARGS...` and fails unless it exits with EXPECTED.
# The output is left in check_out and check_err.
function(expect_exit expected)
  execute_process(
    COMMAND ${GOVSIM} check ${ARGN}
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL expected)
    message(FATAL_ERROR
      "govsim check ${ARGN}: expected exit ${expected}, got ${rc}\n"
      "stdout:\n${out}\nstderr:\n${err}")
  endif()
  set(check_out "${out}" PARENT_SCOPE)
  set(check_err "${err}" PARENT_SCOPE)
endfunction()

set(f_clean ${DIR}/clean.xml)
set(f_error ${DIR}/quorum-larger-than-membership.xml)
set(f_warning ${DIR}/warning-only.xml)
set(f_advice ${DIR}/advice-only.xml)

# Each file at each level: exit 1 exactly when it has a finding at or
# above the level.  The default level is error.
foreach(level "" error warning advice)
  if(level STREQUAL "")
    set(opt "")
  else()
    set(opt --fail-on ${level})
  endif()
  expect_exit(0 ${opt} ${f_clean})
  expect_exit(1 ${opt} ${f_error})
  if(level STREQUAL "warning" OR level STREQUAL "advice")
    expect_exit(1 ${opt} ${f_warning})
  else()
    expect_exit(0 ${opt} ${f_warning})
  endif()
  if(level STREQUAL "advice")
    expect_exit(1 ${opt} ${f_advice})
  else()
    expect_exit(0 ${opt} ${f_advice})
  endif()
endforeach()

# Several files: the worst decides; the option may also be written --fail-on=LEVEL.
expect_exit(0 ${f_clean} ${f_warning} ${f_advice})
expect_exit(1 --fail-on=warning ${f_clean} ${f_warning} ${f_advice})
expect_exit(1 ${f_clean} ${f_error})

# A bad level is a bad command line: exit 2, a message, no findings.
foreach(bad fatal ERROR "" none)
  expect_exit(2 --fail-on=${bad} ${f_error})
  if(NOT check_err MATCHES "--fail-on needs one of: error, warning, advice")
    message(FATAL_ERROR "--fail-on=${bad}: no usage message:\n${check_err}")
  endif()
  if(NOT check_out STREQUAL "")
    message(FATAL_ERROR "--fail-on=${bad}: unexpected output:\n${check_out}")
  endif()
endforeach()

# A file that does not load is bad input, and 2 wins over findings.
expect_exit(2 ${f_error} ${DIR}/no-such-file.xml)
expect_exit(2 --fail-on advice ${DIR}/no-such-file.xml ${f_advice})
if(NOT check_out MATCHES "advice-only.xml:[0-9]+: advice: \\[conflicts-declare-only\\]")
  message(FATAL_ERROR "the loadable file was not reviewed:\n${check_out}")
endif()

# The layout: a line per valid file, the findings, a count.
expect_exit(1 ${f_error})
if(NOT check_out MATCHES "^[^\n]*quorum-larger-than-membership.xml: valid — 'Minimal'")
  message(FATAL_ERROR "no line for the valid file:\n${check_out}")
endif()
if(NOT check_out MATCHES "\n[^\n]*quorum-larger-than-membership.xml:13: error: \\[quorum-never-met\\] Board \\('board'\\) can never be quorate[^\n]*\n    basis: [^\n]+\n    elements: [^\n]*:9 body 'board' \\(Board\\)\n")
  message(FATAL_ERROR "unexpected layout:\n${check_out}")
endif()
if(NOT check_out MATCHES "quorum-larger-than-membership.xml: 1 finding \\(1 error, 0 warnings, 0 advice\\)\n$")
  message(FATAL_ERROR "no count line:\n${check_out}")
endif()

# --quiet: the findings only.
expect_exit(0 --quiet ${f_clean})
if(NOT check_out STREQUAL "")
  message(FATAL_ERROR "--quiet printed for a clean file:\n${check_out}")
endif()
expect_exit(1 -q ${f_error})
if(NOT check_out MATCHES "^[^\n]*quorum-larger-than-membership.xml:13: error: \\[quorum-never-met\\]")
  message(FATAL_ERROR "--quiet: expected the finding first:\n${check_out}")
endif()
if(check_out MATCHES "valid —" OR check_out MATCHES "1 finding")
  message(FATAL_ERROR "--quiet printed more than findings:\n${check_out}")
endif()
message(STATUS "govsim check --fail-on: exit statuses 0, 1 and 2 as documented")
