# Locale test: govsim's output must not depend on the user's locale.  Under
# a German locale, where printf writes 89.6 as "89,6", the demo's golden run
# must still match byte for byte, and `govsim check` on a scenario whose
# findings name sums of money must print exactly what it prints under "C".
#
#   -DGOVSIM=... -DSCENARIO=<demo> -DEXPECTED=<its golden>
#   -DCHECK_SCENARIO=<a scenario with money in its findings>
#   -DLOCALE_DIR=<a directory in the build tree to generate the locale in>
#
# The locale is generated at test time with localedef (Debian's libc-bin)
# from the sources in Debian's `locales` package, into the build tree, so the
# test needs no root and changes nothing on the machine.  A missing
# localedef or missing sources fail the test rather than skip it: CI
# installs them, and a skipped test would hide the regression it exists for.
set(LOCALE de_DE.UTF-8)
set(SOURCES /usr/share/i18n/locales/de_DE)

find_program(LOCALEDEF localedef)
if(NOT LOCALEDEF)
  message(FATAL_ERROR "localedef not found: install Debian's libc-bin")
endif()
if(NOT EXISTS ${SOURCES})
  message(FATAL_ERROR "${SOURCES} not found: install Debian's locales package")
endif()
find_program(PRINTF printf PATHS /usr/bin /bin NO_DEFAULT_PATH)
if(NOT PRINTF)
  message(FATAL_ERROR "no printf program to check the locale with")
endif()

file(REMOVE_RECURSE ${LOCALE_DIR})
file(MAKE_DIRECTORY ${LOCALE_DIR})
execute_process(
  COMMAND ${LOCALEDEF} -i de_DE -f UTF-8 ${LOCALE_DIR}/${LOCALE}
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE rc)
# Exit 1 means warnings only: the locale was still written.
if(NOT (rc EQUAL 0 OR rc EQUAL 1) OR NOT EXISTS ${LOCALE_DIR}/${LOCALE})
  message(FATAL_ERROR "localedef failed (${rc}):\n${out}${err}")
endif()

set(german ${CMAKE_COMMAND} -E env LOCPATH=${LOCALE_DIR} LC_ALL=${LOCALE})
set(plain ${CMAKE_COMMAND} -E env LC_ALL=C)

# The locale really is active for a child process: without this, a locale
# that silently failed to load would make the test pass on broken code.
execute_process(
  COMMAND ${german} ${PRINTF} "%.1f\\n" 89.6
  OUTPUT_VARIABLE decimal
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT decimal STREQUAL "89,6\n")
  message(FATAL_ERROR "the ${LOCALE} locale in ${LOCALE_DIR} is not active: "
                      "printf %.1f 89.6 gave '${decimal}' (exit ${rc}), "
                      "expected '89,6'")
endif()

# 1. The demo's golden run, as golden.cmake runs it, under the German locale.
execute_process(
  COMMAND ${german} ${GOVSIM} run ${SCENARIO} --seed 1 --trace
  OUTPUT_VARIABLE actual
  ERROR_VARIABLE err
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "govsim run under ${LOCALE} exited with ${rc}: ${err}")
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
  get_filename_component(name ${EXPECTED} NAME)
  set(actual_file ${CMAKE_CURRENT_BINARY_DIR}/${name}.${LOCALE}.actual)
  file(WRITE ${actual_file} "${actual}")
  execute_process(COMMAND diff -u ${EXPECTED} ${actual_file})
  message(FATAL_ERROR "under ${LOCALE} the output differs from ${EXPECTED}; "
                      "actual output in ${actual_file}")
endif()

# 2. `govsim check`: the same bytes and exit status under both locales.
foreach(env german plain)
  execute_process(
    COMMAND ${${env}} ${GOVSIM} check ${CHECK_SCENARIO}
    OUTPUT_VARIABLE check_${env}
    RESULT_VARIABLE rc_${env})
endforeach()
string(FIND "${check_plain}" "£" at)
if(at LESS 0)
  message(FATAL_ERROR "${CHECK_SCENARIO}: its findings name no sum of money, "
                      "so they test nothing here:\n${check_plain}")
endif()
if(NOT rc_german EQUAL rc_plain)
  message(FATAL_ERROR "govsim check exits ${rc_german} under ${LOCALE} but "
                      "${rc_plain} under C")
endif()
if(NOT check_german STREQUAL check_plain)
  set(c_file ${CMAKE_CURRENT_BINARY_DIR}/locale-check.C.actual)
  set(de_file ${CMAKE_CURRENT_BINARY_DIR}/locale-check.${LOCALE}.actual)
  file(WRITE ${c_file} "${check_plain}")
  file(WRITE ${de_file} "${check_german}")
  execute_process(COMMAND diff -u ${c_file} ${de_file})
  message(FATAL_ERROR "govsim check prints differently under ${LOCALE} and C; "
                      "see ${c_file} and ${de_file}")
endif()
