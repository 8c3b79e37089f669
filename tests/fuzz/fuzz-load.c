/* fuzz-load.c — libFuzzer target: any bytes through everything a scenario
 * file can reach.
 *
 * The bytes are loaded as a scenario file; a file that loads is reviewed
 * (`govsim check`), run once with a small work budget (the run's own caps,
 * lowered so one input costs milliseconds, not minutes), and every writer
 * formats the result: the check report, the trace, the summary, the
 * journeys, and the voting power report of the first body in text and JSON
 * (sampled, with a few hundred samples).  Nothing is printed; the target only
 * has to survive: no crash, no sanitizer report, no leak, no abort, within
 * libFuzzer's time and memory limits.
 *
 * Build with -DGOVSIM_FUZZ=ON and clang (see tests/fuzz/README.md).
 */
#include <govsim/govsim.h>

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Small enough that one input runs in milliseconds, large enough that a
 * run of a shipped scenario completes. */
#define FUZZ_MAX_RECORDS   5000u
#define FUZZ_MAX_EVENTS    20000u
#define FUZZ_POWER_SAMPLES 200u

static void
write_everything (const GsScenario *s)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) findings = gs_check_scenario (s);
  gs_check_write_text (s, findings, out);

  g_autoptr (GsRun) run = gs_run_new (s, GS_RUN_FLAGS_NONE);
  gs_run_set_max_records (run, FUZZ_MAX_RECORDS);
  gs_run_set_max_events (run, FUZZ_MAX_EVENTS);
  g_autoptr (GError) error = NULL;
  if (gs_run_execute (run, gs_scenario_get_default_seed (s), 0, &error))
    {
      g_autoptr (GsSummary) sum = gs_summary_new (run);
      gs_report_text_trace (run, out);
      gs_report_text_summary (run, sum, out);
      gs_report_text_journeys (run, out);
    }
  else if (g_error_matches (error, GS_RUN_ERROR, GS_RUN_ERROR_INVARIANT))
    {
      /* The run broke its own invariant: a bug, whatever the input. */
      g_printerr ("%s\n", error->message);
      __builtin_trap ();
    }

  /* The first body alone: the power of every body costs most of an
   * input's time (the probability of being decisive sums over attendance
   * patterns), and one body reaches every line of the writers. */
  GsPowerOptions opt = { .samples = FUZZ_POWER_SAMPLES, .seed = 1 };
  g_autoptr (GError) perr = NULL;
  g_autoptr (GsPowerReport) power = gs_scenario_n_bodies (s) > 0
                                        ? gs_power_analyse (s, 0, &opt, &perr)
                                        : NULL;
  if (power != NULL)
    {
      gs_power_write_text (s, power, out);
      gs_power_write_json (s, power, out);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes ((const char *)data, size, "fuzz.xml", &error);
  if (s == NULL)
    {
      /* Every refusal is "file:line: message". */
      if (error == NULL || !g_str_has_prefix (error->message, "fuzz.xml:"))
        __builtin_trap ();
      return 0;
    }
  write_everything (s);
  return 0;
}
