# Installs the build into a fresh temporary prefix and uses what was
# installed: the binary (its version, a check and a JSON run of an
# installed scenario, validated against an installed schema by name), the
# manual page and bash completion (present and well-formed), and libgovsim
# through its pkg-config file (a small program compiled and run against it).
#   -DBUILD=<build dir> -DPREFIX=<temp dir> -DCC=<compiler> -DSOURCE=<tests dir>
#   [-DSANITIZE=ON]
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX}
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${err}")
endif()

file(GLOB pc ${PREFIX}/lib*/pkgconfig/govsim.pc ${PREFIX}/lib/*/pkgconfig/govsim.pc)
file(GLOB archive ${PREFIX}/lib*/libgovsim.a ${PREFIX}/lib/*/libgovsim.a)
foreach(f bin/govsim share/man/man1/govsim.1
          share/bash-completion/completions/govsim
          share/govsim/schemas/govsim-scenario-1.xsd
          share/govsim/schemas/govsim-run-1.schema.json
          share/govsim/schemas/govsim-check-1.schema.json
          share/govsim/schemas/govsim-power-1.schema.json
          share/govsim/scenarios/demo-single-trust.xml
          share/govsim/scenarios/delegation-limits.xml
          include/govsim/govsim.h include/govsim/gs-write.h)
  if(NOT EXISTS ${PREFIX}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
if(NOT pc OR NOT archive)
  message(FATAL_ERROR "libgovsim.a or govsim.pc not installed")
endif()

set(G ${PREFIX}/bin/govsim)
execute_process(COMMAND ${G} --version OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^govsim [0-9]+\\.[0-9]+\\.[0-9]+\noutput schema 1, scenario schema 1")
  message(FATAL_ERROR "installed govsim --version: ${rc} ${out}")
endif()
execute_process(COMMAND ${G} check ${PREFIX}/share/govsim/scenarios/demo-single-trust.xml
  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "valid")
  message(FATAL_ERROR "installed govsim check: ${rc} ${out}")
endif()
execute_process(COMMAND ${G} run ${PREFIX}/share/govsim/scenarios/delegation-limits.xml --format json
  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"kind\" : \"run\"")
  message(FATAL_ERROR "installed govsim run --format json: ${rc}")
endif()

# The manual page names every command and the exit statuses.
file(READ ${PREFIX}/share/man/man1/govsim.1 man)
foreach(want ".SH EXIT STATUS" "check" "run" "power" "graph" "table" "fail\\-on")
  string(FIND "${man}" "${want}" at)
  if(at LESS 0)
    message(FATAL_ERROR "govsim.1 lacks ${want}")
  endif()
endforeach()
if(man MATCHES "@[A-Z_]+@")
  message(FATAL_ERROR "govsim.1 has an unsubstituted @VARIABLE@")
endif()
find_program(BASH bash)
if(BASH)
  execute_process(COMMAND ${BASH} -n ${PREFIX}/share/bash-completion/completions/govsim
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "bash completion does not parse")
  endif()
endif()

# A program built against the installed library through pkg-config.
get_filename_component(pcdir ${pc} DIRECTORY)
set(ENV{PKG_CONFIG_PATH} ${pcdir})
execute_process(COMMAND pkg-config --cflags --libs govsim
  OUTPUT_VARIABLE flags RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config govsim failed")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
set(extra)
if(SANITIZE)
  set(extra -fsanitize=address,undefined)
endif()
execute_process(COMMAND ${CC} ${SOURCE}/data/install/uses-libgovsim.c ${flags} ${extra}
  -o ${PREFIX}/uses-libgovsim RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling against the installed libgovsim: ${err}")
endif()
execute_process(COMMAND ${PREFIX}/uses-libgovsim ${PREFIX}/share/govsim/scenarios/demo-single-trust.xml
  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"kind\" : \"run\"")
  message(FATAL_ERROR "the program linked with libgovsim: ${rc}")
endif()
file(REMOVE_RECURSE ${PREFIX})
