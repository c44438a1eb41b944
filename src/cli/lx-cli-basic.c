/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lx-cli-private.h"
#include "lx-date.h"
#include "lx-demo.h"
#include "lx-stats.h"

/* ----------------------------------------------------------------- demo */

static void
demo_progress (double   fraction,
               gpointer user_data)
{
  gboolean show = GPOINTER_TO_INT (user_data);

  /* Let a pending Ctrl+C reach on_interrupt. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (show)
    {
      fprintf (stderr, "\r%3d%%", (int)(fraction * 100));
      fflush (stderr);
    }
}

static void
print_count (LxStore    *store,
             const char *label,
             const char *sql)
{
  gint64 n = lx_store_query_int (store, sql, NULL);

  printf ("  %-28s %8" G_GINT64_FORMAT "\n", label, n);
}

static void
print_demo_summary (LxStore *store)
{
  printf ("%s\n", _("The database now holds:"));
  print_count (store, _("organizations"), "SELECT count(*) FROM organization");
  print_count (store, _("members"), "SELECT count(*) FROM member WHERE deleted_at IS NULL");
  print_count (store, _("households"), "SELECT count(*) FROM household WHERE deleted_at IS NULL");
  print_count (store, _("needy households"),
               "SELECT count(*) FROM household WHERE deleted_at IS NULL AND needy = 1");
  print_count (store, _("residents"), "SELECT count(*) FROM resident");
  print_count (store, _("home visits"), "SELECT count(*) FROM visit WHERE kind = 'home'");
  print_count (store, _("field visits"), "SELECT count(*) FROM visit WHERE kind = 'field'");
  print_count (store, _("receptions"), "SELECT count(*) FROM visit WHERE kind = 'reception'");
  print_count (store, _("appeals"), "SELECT count(*) FROM appeal");
  print_count (store, _("active pairings"), "SELECT count(*) FROM pairing WHERE end_on IS NULL");
  print_count (store, _("calendar events"), "SELECT count(*) FROM event");
  print_count (store, _("evaluation ballots"), "SELECT count(*) FROM ballot");
}

ExitCode
lx_cli_demo (int    argc,
          char **argv)
{
  int households = LX_DEMO_DEFAULT_HOUSEHOLDS;
  gint64 seed = LX_DEMO_DEFAULT_SEED;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "households", 'n', 0, G_OPTION_ARG_INT, &households,
      N_("How many households to generate (default 800)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the generator: the same seed gives the same data (default 1)"), N_("S") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Add the demo data even if the database already has households"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (NULL, _("Fill the database with a believable demo unit."), entries);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LxDemoOptions opts;
  ExitCode code = EXIT_OK;
  gint64 existing;
  gboolean show = isatty (STDERR_FILENO);
  gint64 started;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return lx_cli_usage_error (context, _("demo takes no arguments"));
  if (households < 1 || households > 1000000)
    return lx_cli_usage_error (context, _("--households must be between 1 and 1000000"));
  if (seed < 0 || seed > G_MAXUINT32)
    return lx_cli_usage_error (context, _("--seed must be between 0 and 4294967295"));

  if (!(store = lx_cli_open_store (LX_STORE_OPEN_CREATE, &code)))
    return code;

  existing = lx_store_query_int (store, "SELECT count(*) FROM household", &error);
  if (existing < 0)
    return lx_cli_fail (error);
  if (existing > 0 && !force)
    {
      lx_cli_complain (g_dngettext (GETTEXT_PACKAGE,
                             "“%s” already has %d household; "
                             "use --force to add the demo data anyway",
                             "“%s” already has %d households; "
                             "use --force to add the demo data anyway", existing),
                lx_store_get_path (store), (int)existing);
      return EXIT_FAILED;
    }

  lx_demo_options_init (&opts);
  opts.households = households;
  opts.seed = (guint32)seed;
  lx_cli_watch_interrupts ();
  started = g_get_monotonic_time ();
  if (!lx_demo_generate (store, &opts, demo_progress, GINT_TO_POINTER (show), lx_cli_cancellable, &error))
    {
      if (show)
        fprintf (stderr, "\r");
      return lx_cli_fail (error);
    }
  if (show)
    fprintf (stderr, "\r");

  printf (_("Generated %d households (seed %u) in “%s” in %.1f s.\n"), households, opts.seed,
          lx_store_get_path (store), (g_get_monotonic_time () - started) / 1e6);
  print_demo_summary (store);
  return EXIT_OK;
}

/* ---------------------------------------------------------------- check */

ExitCode
lx_cli_check (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (NULL, _("Check the database without changing it."), NULL);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  ExitCode code = EXIT_OK;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return lx_cli_usage_error (context, _("check takes no arguments"));

  if (!(store = lx_cli_open_store (LX_STORE_OPEN_READ_ONLY, &code)))
    return code;
  if (!lx_store_check (store, &report, &error))
    {
      /* Whatever stops the check, the database cannot be vouched for. */
      lx_cli_complain ("%s", error->message);
      return EXIT_REFUSED;
    }
  printf ("%s\n", report);
  return EXIT_OK;
}

/* --------------------------------------------------------------- backup */

typedef struct
{
  LxStore   *store;
  char      *dest;
  GError    *error;
  GMainLoop *loop;
  gboolean   ok;
} BackupJob;

static gboolean
backup_done (gpointer data)
{
  g_main_loop_quit (((BackupJob *)data)->loop);
  return G_SOURCE_REMOVE;
}

static gpointer
backup_thread (gpointer data)
{
  BackupJob *job = data;

  job->ok = lx_store_backup (job->store, job->dest, lx_cli_cancellable, &job->error);
  g_idle_add (backup_done, job);
  return NULL;
}

ExitCode
lx_cli_backup (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (_("FILE"), _("Copy the database safely into FILE (mode 0600)."), NULL);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  BackupJob job = { 0 };
  ExitCode code = EXIT_OK;
  GThread *thread;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return lx_cli_usage_error (context, _("backup needs exactly one FILE"));

  if (!(store = lx_cli_open_store (LX_STORE_OPEN_CREATE, &code)))
    return code;

  /* The copy runs in a thread so that Ctrl+C can cancel it cleanly. */
  lx_cli_watch_interrupts ();
  loop = g_main_loop_new (NULL, FALSE);
  job.store = store;
  job.dest = argv[1];
  job.loop = loop;
  thread = g_thread_new ("backup", backup_thread, &job);
  g_main_loop_run (loop);
  g_thread_join (thread);

  if (!job.ok)
    {
      code = lx_cli_fail (job.error);
      g_clear_error (&job.error);
      return code;
    }
  printf (_("Backed up “%s” to “%s”.\n"), lx_store_get_path (store), argv[1]);
  return EXIT_OK;
}

/* ---------------------------------------------------------------- stats */

/* Display width, counting CJK characters as two columns. */
static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
print_row (const char *label,
           gint64      value,
           double      fraction,
           gboolean    with_fraction)
{
  int pad = MAX (1, 30 - display_width (label));

  printf ("%s%*s%10" G_GINT64_FORMAT, label, pad, "", value);
  if (with_fraction)
    printf ("  (%.1f%%)", fraction * 100);
  printf ("\n");
}

static void
print_stats (const LxYearStats *s)
{
  printf (_("Year %d"), s->year);
  printf ("\n");
  print_row (_("Households"), s->households, 0, FALSE);
  print_row (_("Needy households"), s->needy_households, 0, FALSE);
  print_row (_("Households visited"), s->households_visited, s->coverage, TRUE);
  print_row (_("Needy households visited"), s->needy_visited, s->needy_coverage, TRUE);
  print_row (_("Home visits"), s->home_visits, 0, FALSE);
  print_row (_("Field visits to contact points"), s->field_visits, 0, FALSE);
  print_row (_("Receptions"), s->receptions, 0, FALSE);
}

ExitCode
lx_cli_stats (int    argc,
           char **argv)
{
  int year = 0;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year (default: this year)"), N_("Y") },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (NULL, _("Print a year's visit coverage and counts."), entries);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();
  LxYearStats stats;
  ExitCode code = EXIT_OK;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return lx_cli_usage_error (context, _("stats takes no arguments"));
  if (year == 0)
    year = lx_date_current_year ();
  if (year < 1900 || year > 9999)
    return lx_cli_usage_error (context, _("--year must be between 1900 and 9999"));

  if (!(store = lx_cli_open_store (LX_STORE_OPEN_CREATE, &code)))
    return code;
  if (!lx_stats_compute (store, year, today, &stats, &error))
    return lx_cli_fail (error);

  if (json)
    {
      g_autofree char *text = lx_stats_to_json (&stats, year);
      printf ("%s", text);
    }
  else
    print_stats (&stats);
  return EXIT_OK;
}

