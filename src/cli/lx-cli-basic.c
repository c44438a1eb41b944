/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lx-cli-private.h"
#include "lx-date.h"
#include "lx-demo.h"
#include "lx-appeal.h"
#include "lx-appeal-stats.h"
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
    lx_cli_command_context (_("[FILE]"),
                            _("Copy the database safely into FILE (mode 0600); without FILE, "
                              "make today’s rotated backup in the backup folder."), NULL);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  BackupJob job = { 0 };
  ExitCode code = EXIT_OK;
  GThread *thread;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc == 1)
    return lx_cli_backup_daily (argc, argv);
  if (argc != 2)
    return lx_cli_usage_error (context, _("backup takes at most one FILE"));

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

/* Appeals (诉求) in stats: a block of their own after the visits. */

static void
print_breakdown (const char  *title,
                 GPtrArray   *list,
                 const char *(*label) (const char *code))
{
  printf ("  %s:", title);
  for (guint i = 0; i < list->len; i++)
    {
      LxAppealCount *c = g_ptr_array_index (list, i);
      const char *name = *c->key == '\0' ? _("not set") : label != NULL ? label (c->key) : c->key;

      printf ("%s %s %d", i > 0 ? _(",") : "", name, (int)c->count);
    }
  printf ("\n");
}

static gboolean
print_appeal_stats (LxStore     *store,
                    int          year,
                    const char  *today,
                    GError     **error)
{
  LxAppealStats a;

  if (!lx_appeal_stats_compute (store, year, today, &a, error))
    return FALSE;
  printf ("%s\n", _("Appeals"));
  print_row (_("Appeals received"), a.received, 0, FALSE);
  print_row (_("Resolved"), a.resolved, a.resolution_rate, TRUE);
  print_row (_("Responded"), a.responded, 0, FALSE);
  print_row (_("Resolved or responded"), a.resolved + a.responded, a.response_rate, TRUE);
  print_row (_("Escalated"), a.escalated, 0, FALSE);
  print_row (_("Closed"), a.closed, 0, FALSE);
  print_row (_("Overdue"), a.overdue, 0, FALSE);
  if (a.median_days_to_close >= 0)
    printf ("%s%*s%12.1f\n", _("Median days to close"),
            MAX (1, 30 - display_width (_("Median days to close"))), "", a.median_days_to_close);
  print_breakdown (_("By domain"), a.by_domain, lx_appeal_domain_label);
  print_breakdown (_("By concern"), a.by_concern, lx_appeal_concern_label);
  print_breakdown (_("By channel"), a.by_channel, lx_appeal_channel_label);
  print_breakdown (_("By mechanism"), a.by_mechanism, lx_appeal_mechanism_label);
  print_breakdown (_("By member"), a.by_member, NULL);
  lx_appeal_stats_clear (&a);
  return TRUE;
}

/* Adds "appeals": {…} as the last member of the JSON object in *@text. */
static gboolean
add_appeal_json (LxStore     *store,
                 int          year,
                 const char  *today,
                 char       **text,
                 GError     **error)
{
  LxAppealStats a;
  g_autofree char *body = NULL;
  char *close = strrchr (*text, '}');
  GString *json;

  if (close == NULL || !lx_appeal_stats_compute (store, year, today, &a, error))
    return close != NULL;
  body = lx_appeal_stats_to_json (&a, 4);
  lx_appeal_stats_clear (&a);

  json = g_string_new_len (*text, close - *text);
  while (json->len > 0 && g_ascii_isspace (json->str[json->len - 1]))
    g_string_truncate (json, json->len - 1);
  g_string_append_printf (json, ",\n  \"appeals\": {\n%s  }\n}\n", body);
  g_free (*text);
  *text = g_string_free (json, FALSE);
  return TRUE;
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
      if (!add_appeal_json (store, year, today, &text, &error) ||
          !lx_cli_stats_pairing (store, year, today, &text, &error))
        return lx_cli_fail (error);
      /* The 三访 figures of stats-visits (issue 4). */
      if (!lx_cli_add_visits_json (store, year, today, &text, &error))
        return lx_cli_fail (error);
      printf ("%s", text);
    }
  else
    {
      print_stats (&stats);
      if (!print_appeal_stats (store, year, today, &error) ||
          !lx_cli_stats_pairing (store, year, today, NULL, &error))
        return lx_cli_fail (error);
    }
  return EXIT_OK;
}

