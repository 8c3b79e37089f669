/* gs-cli-common.c — the helpers every govsim command uses: usage errors,
 * option parsing, loading a scenario, and writing a report whole or not at
 * all.
 *
 * Each helper prints its own message on standard error and returns the
 * exit status (gs-cli.h) the command should return, so every command fails
 * the same way: a bad command line or a file that does not load is bad
 * input (2); output that cannot be written is an internal error (3), and
 * leaves no partial file behind.
 *
 * Output integrity: every write of a report is checked, to standard
 * output as to a file (a full disk, /dev/full or a closed descriptor is
 * exit 3 with a message, never a lost report and exit 0); a file is
 * written beside its destination and renamed into place, keeping the mode
 * of the file it replaces, and never replaces anything but a regular file;
 * SIGINT or SIGTERM while it is written removes the temporary file.
 * Messages on standard error are UTF-8, or ASCII where the locale is not.
 */
#include "cli/gs-cli.h"

#include <govsim/gs-limits.h>
#include <govsim/gs-loader.h>
#include <govsim/gs-phrase.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

int
gs_cli_usage_error (GOptionContext *ctx, const char *message)
{
  g_printerr ("%s: %s\nRun '%s --help' for its options.\n", g_get_prgname (),
              message, g_get_prgname ());
  return GS_EXIT_BAD_INPUT;
}

gboolean
gs_cli_parse_options (GOptionContext *ctx, int *argc, char ***argv, int *status)
{
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      *status = gs_cli_usage_error (ctx, error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- standard error ------------------------------------------------------ */

/* Every g_printerr() of the front end comes here as UTF-8.  GLib's own
 * handler converts it to the locale's character set, which in the C
 * locale turns "£" into "?"; this one writes UTF-8 unchanged where the
 * locale is UTF-8, and plain ASCII ("GBP 5,000,000") anywhere else. */
static void
print_error (const char *text)
{
  const char *charset = NULL;
  if (g_get_charset (&charset))
    fputs (text, stderr);
  else
    {
      g_autofree char *ascii = gs_phrase_ascii (text);
      fputs (ascii, stderr);
    }
  fflush (stderr);
}

void
gs_cli_init (void)
{
  g_set_printerr_handler (print_error);
}

/* ---- writing a report ---------------------------------------------------- */

/* Set by the handler of SIGINT and SIGTERM while a report is written to a
 * file; the writer checks it between chunks, removes its temporary file
 * and then lets the signal take its usual course. */
static volatile sig_atomic_t emit_signal;

static void
on_signal (int sig)
{
  emit_signal = sig;
}

/* Chunks small enough that a signal is seen within milliseconds. */
#define GS_EMIT_CHUNK ((gsize)1 << 20)

/* Writes all of @data to @fd, checking for a signal between chunks.
 * Returns 0, or an errno value (EINTR when a signal asked to stop). */
static int
write_all (int fd, const char *data, gsize len)
{
  while (len > 0)
    {
      if (emit_signal != 0)
        return EINTR;
      ssize_t n = write (fd, data, MIN (len, GS_EMIT_CHUNK));
      if (n < 0 && errno == EINTR)
        continue; /* the loop checks the flag */
      if (n <= 0)
        return n < 0 ? errno : EIO;
      data += n;
      len -= (gsize)n;
    }
  return 0;
}

static int
emit_stdout (const GString *text)
{
  /* Straight to the descriptor, so a short write is seen here and not
   * lost in a stdio buffer. */
  fflush (stdout);
  int err = write_all (STDOUT_FILENO, text->str, text->len);
  if (err != 0)
    {
      g_printerr ("govsim: cannot write the report to standard output: %s\n",
                  g_strerror (err));
      return GS_EXIT_INTERNAL;
    }
  return GS_EXIT_OK;
}

/* Writes @text to a temporary file beside @path with @mode, then renames it
 * into place; on any failure or signal removes the temporary file. */
static int
emit_file (const char *path, const GString *text, mode_t mode)
{
  g_autofree char *tmp = g_strdup_printf ("%s.XXXXXX", path);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_printerr ("govsim: cannot write %s: %s\n", path, g_strerror (saved));
      return GS_EXIT_INTERNAL;
    }
  struct sigaction act = { 0 }, old_int, old_term;
  act.sa_handler = on_signal; /* no SA_RESTART: write() returns early */
  sigemptyset (&act.sa_mask);
  emit_signal = 0;
  sigaction (SIGINT, &act, &old_int);
  sigaction (SIGTERM, &act, &old_term);

  int err = fchmod (fd, mode) == 0 ? 0 : errno;
  if (err == 0)
    err = write_all (fd, text->str, text->len);
  if (err == 0 && fsync (fd) != 0 && errno != EINVAL)
    err = errno;
  if (close (fd) != 0 && err == 0)
    err = errno;
  if (err == 0 && emit_signal == 0 && rename (tmp, path) != 0)
    err = errno;
  int sig = emit_signal;
  if (err != 0 || sig != 0)
    unlink (tmp);

  sigaction (SIGINT, &old_int, NULL);
  sigaction (SIGTERM, &old_term, NULL);
  if (sig != 0)
    {
      /* The report is abandoned, not left behind: now the signal does
       * what it would have done. */
      raise (sig);
      return GS_EXIT_INTERNAL;
    }
  if (err != 0)
    {
      g_printerr ("govsim: cannot write %s: %s\n", path, g_strerror (err));
      return GS_EXIT_INTERNAL;
    }
  return GS_EXIT_OK;
}

int
gs_cli_emit (const char *path, const GString *text)
{
  if (text->len > GS_LIMIT_REPORT_BYTES)
    {
      g_printerr ("govsim: the report would be %" G_GSIZE_FORMAT
                  " bytes, more than %" G_GSIZE_FORMAT
                  " (GS_LIMIT_REPORT_BYTES); nothing was written\n",
                  text->len, GS_LIMIT_REPORT_BYTES);
      return GS_EXIT_INTERNAL;
    }
  if (path == NULL || strcmp (path, "-") == 0)
    return emit_stdout (text);

  /* Only a regular file is replaced, keeping its permissions: a FIFO, a
   * device, a directory or a symbolic link is refused (rename() would put
   * a regular file in its place).  A new file gets 0666 less the umask. */
  struct stat st;
  mode_t mode;
  if (lstat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_printerr ("govsim: %s exists and is not a regular file; it is "
                      "not replaced\n",
                      path);
          return GS_EXIT_INTERNAL;
        }
      mode = st.st_mode & 07777;
    }
  else if (errno == ENOENT)
    {
      mode_t mask = umask (0);
      umask (mask);
      mode = 0666 & ~mask;
    }
  else
    {
      int saved = errno;
      g_printerr ("govsim: cannot write %s: %s\n", path, g_strerror (saved));
      return GS_EXIT_INTERNAL;
    }
  return emit_file (path, text, mode);
}

GsScenario *
gs_cli_load (const char *path, gint64 max_kib)
{
  g_autoptr (GError) error = NULL;
  gsize cap = max_kib > 0 ? (gsize)max_kib * 1024 : 0;
  GsScenario *s = path ? gs_loader_load_file (path, cap, &error)
                       : gs_loader_load_demo (&error);
  if (s == NULL)
    g_printerr ("%s\n", error->message);
  return s;
}

/* ---- progress ------------------------------------------------------------ */

void
gs_cli_progress_init (GsCliProgress *p, guint64 total, gboolean force,
                      gboolean quiet)
{
  p->show = !quiet && (force || isatty (STDERR_FILENO));
  p->started = g_get_monotonic_time ();
  p->base = 0;
  p->total = total;
}

void
gs_cli_progress_update (guint64 done, guint64 count, gpointer user_data)
{
  GsCliProgress *p = user_data;
  if (!p->show)
    return;
  guint64 all = p->base + done;
  double secs = (double)(g_get_monotonic_time () - p->started) / 1e6;
  double rate = secs > 0 ? (double)all / secs : 0;
  double left = rate > 0 ? (double)(p->total - all) / rate : 0;
  int width = 30;
  int filled = p->total > 0 ? (int)(width * all / p->total) : width;
  char bar[64];
  for (int i = 0; i < width; i++)
    bar[i] = i < filled ? '#' : '.';
  bar[width] = '\0';
  fprintf (stderr,
           "\r[%s] %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT
           " replications, %.0f/s, %.0f s left ",
           bar, all, p->total, rate, left);
  fflush (stderr);
  (void)count;
}

void
gs_cli_progress_done (GsCliProgress *p)
{
  if (p->show)
    fputc ('\n', stderr);
}
