/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lx-date.h"
#include "lx-demo.h"
#include "lx-stats.h"
#include "lx-store.h"

/* lianxin-cli: the headless tool on the same library as the application. */

typedef enum
{
  EXIT_OK        = 0,
  EXIT_USAGE     = 1,   /* bad command line */
  EXIT_REFUSED   = 2,   /* the database is damaged, newer, not Lianxin's, or missing for check */
  EXIT_FAILED    = 3,   /* the operation failed: I/O, disk full, a broken rule */
  EXIT_CANCELLED = 4,   /* interrupted */
} ExitCode;

static char *opt_database;
static GCancellable *cancellable;

static const GOptionEntry global_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("The database file (default: $LIANXIN_DATABASE, else the user data folder)"), N_("PATH") },
  { NULL }
};

static void G_GNUC_PRINTF (1, 2)
complain (const char *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "lianxin-cli: %s\n", message);
}

/* How an error ends the program (see --help). */
static ExitCode
exit_code_for (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return EXIT_CANCELLED;
  if (error->domain == LX_STORE_ERROR)
    switch (error->code)
      {
      case LX_STORE_ERROR_NOT_FOUND:
      case LX_STORE_ERROR_NOT_LIANXIN:
      case LX_STORE_ERROR_NEWER_VERSION:
      case LX_STORE_ERROR_DAMAGED:
        return EXIT_REFUSED;
      default:
        break;
      }
  return EXIT_FAILED;
}

static ExitCode
fail (const GError *error)
{
  complain ("%s", error->message);
  return exit_code_for (error);
}

static ExitCode
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  complain ("%s", message);
  fprintf (stderr, "%s", help);
  return EXIT_USAGE;
}

static GOptionContext *
command_context (const char         *parameters,
                 const char         *summary,
                 const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static gboolean
parse_command (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               ExitCode        *out_code)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *out_code = usage_error (context, error->message);
      return FALSE;
    }
  return TRUE;
}

static LxStore *
open_store (LxStoreOpenFlags   flags,
            ExitCode          *out_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lx_store_resolve_path (opt_database);
  LxStore *store = lx_store_open (path, flags, &error);

  if (store == NULL)
    *out_code = fail (error);
  return store;
}

/* Ctrl+C cancels the work in progress; the transaction is rolled back. */
static gboolean
on_interrupt (gpointer data)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_CONTINUE;
}

static void
watch_interrupts (void)
{
  cancellable = g_cancellable_new ();
  g_unix_signal_add (SIGINT, on_interrupt, NULL);
  g_unix_signal_add (SIGTERM, on_interrupt, NULL);
}

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

static ExitCode
cmd_demo (int    argc,
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
    command_context (NULL, _("Fill the database with a believable demo unit."), entries);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LxDemoOptions opts;
  ExitCode code = EXIT_OK;
  gint64 existing;
  gboolean show = isatty (STDERR_FILENO);
  gint64 started;

  if (!parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return usage_error (context, _("demo takes no arguments"));
  if (households < 1 || households > 1000000)
    return usage_error (context, _("--households must be between 1 and 1000000"));
  if (seed < 0 || seed > G_MAXUINT32)
    return usage_error (context, _("--seed must be between 0 and 4294967295"));

  if (!(store = open_store (LX_STORE_OPEN_CREATE, &code)))
    return code;

  existing = lx_store_query_int (store, "SELECT count(*) FROM household", &error);
  if (existing < 0)
    return fail (error);
  if (existing > 0 && !force)
    {
      complain (g_dngettext (GETTEXT_PACKAGE,
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
  watch_interrupts ();
  started = g_get_monotonic_time ();
  if (!lx_demo_generate (store, &opts, demo_progress, GINT_TO_POINTER (show), cancellable, &error))
    {
      if (show)
        fprintf (stderr, "\r");
      return fail (error);
    }
  if (show)
    fprintf (stderr, "\r");

  printf (_("Generated %d households (seed %u) in “%s” in %.1f s.\n"), households, opts.seed,
          lx_store_get_path (store), (g_get_monotonic_time () - started) / 1e6);
  print_demo_summary (store);
  return EXIT_OK;
}

/* ---------------------------------------------------------------- check */

static ExitCode
cmd_check (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context (NULL, _("Check the database without changing it."), NULL);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  ExitCode code = EXIT_OK;

  if (!parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return usage_error (context, _("check takes no arguments"));

  if (!(store = open_store (LX_STORE_OPEN_READ_ONLY, &code)))
    return code;
  if (!lx_store_check (store, &report, &error))
    {
      /* Whatever stops the check, the database cannot be vouched for. */
      complain ("%s", error->message);
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

  job->ok = lx_store_backup (job->store, job->dest, cancellable, &job->error);
  g_idle_add (backup_done, job);
  return NULL;
}

static ExitCode
cmd_backup (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Copy the database safely into FILE (mode 0600)."), NULL);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  BackupJob job = { 0 };
  ExitCode code = EXIT_OK;
  GThread *thread;

  if (!parse_command (context, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return usage_error (context, _("backup needs exactly one FILE"));

  if (!(store = open_store (LX_STORE_OPEN_CREATE, &code)))
    return code;

  /* The copy runs in a thread so that Ctrl+C can cancel it cleanly. */
  watch_interrupts ();
  loop = g_main_loop_new (NULL, FALSE);
  job.store = store;
  job.dest = argv[1];
  job.loop = loop;
  thread = g_thread_new ("backup", backup_thread, &job);
  g_main_loop_run (loop);
  g_thread_join (thread);

  if (!job.ok)
    {
      code = fail (job.error);
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

static ExitCode
cmd_stats (int    argc,
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
    command_context (NULL, _("Print a year's visit coverage and counts."), entries);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();
  LxYearStats stats;
  ExitCode code = EXIT_OK;

  if (!parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return usage_error (context, _("stats takes no arguments"));
  if (year == 0)
    year = lx_date_current_year ();
  if (year < 1900 || year > 9999)
    return usage_error (context, _("--year must be between 1900 and 9999"));

  if (!(store = open_store (LX_STORE_OPEN_CREATE, &code)))
    return code;
  if (!lx_stats_compute (store, year, today, &stats, &error))
    return fail (error);

  if (json)
    {
      g_autofree char *text = lx_stats_to_json (&stats, year);
      printf ("%s", text);
    }
  else
    print_stats (&stats);
  return EXIT_OK;
}

/* ----------------------------------------------------------------- main */

typedef struct
{
  const char *name;
  ExitCode  (*run) (int argc, char **argv);
} Command;

static const Command commands[] = {
  { "demo", cmd_demo },
  { "check", cmd_check },
  { "backup", cmd_backup },
  { "stats", cmd_stats },
};

static GOptionContext *
main_context (void)
{
  GOptionContext *context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_autofree char *summary = NULL;

  summary = g_strjoin ("\n",
                       _("Work with a Lianxin database from the command line."),
                       "",
                       _("Commands:"),
                       _("  demo [--households N] [--seed S] [--force]   fill with demo data"),
                       _("  check                    verify the database without changing it"),
                       _("  backup FILE              copy the database safely into FILE"),
                       _("  stats [--year Y] [--json]   visit coverage and counts of a year"),
                       "",
                       _("Run “lianxin-cli COMMAND --help” for the options of a command."),
                       NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context,
                                    _("Exit status:\n"
                                      "  0  success\n"
                                      "  1  usage error\n"
                                      "  2  database refused or unreadable (damaged, from a newer "
                                      "version, not a Lianxin database, or missing for check)\n"
                                      "  3  the operation failed (input/output, disk full, a rule "
                                      "of the data)\n"
                                      "  4  cancelled or interrupted\n"));
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows belongs to it. */
  g_option_context_set_strict_posix (context, TRUE);
  return context;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  ExitCode code;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("LIANXIN_LOCALEDIR") ? g_getenv ("LIANXIN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("lianxin-cli");

  context = main_context ();
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("No command given"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("lianxin-cli %s", argv[1]);

        g_set_prgname (prgname);
        code = commands[i].run (argc - 1, argv + 1);
        g_clear_object (&cancellable);
        g_free (opt_database);
        return code;
      }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);
    return usage_error (context, message);
  }
}
