/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sys/stat.h>
#include <stdio.h>

#include "lx-cli-private.h"

/* lianxin-cli: the headless tool on the same library as the application.
 * Each command lives in its own lx-cli-*.c and is listed here. */

/* ----------------------------------------------------------------- main */

typedef struct
{
  const char *name;
  ExitCode  (*run) (int argc, char **argv);
} Command;

static const Command commands[] = {
  { "demo", lx_cli_demo },
  { "check", lx_cli_check },
  { "backup", lx_cli_backup },
  { "stats", lx_cli_stats },
  { "stats-visits", lx_cli_stats_visits },
  { "report", lx_cli_report },
  { "export", lx_cli_export },
  { "stress-edits", lx_cli_stress_edits },   /* hidden: crash-safety tests */
  { "backups", lx_cli_backups },
  { "restore", lx_cli_restore },
  { "import", lx_cli_import },
  { "map", lx_cli_map },
  { "notice", lx_cli_notice },
  { "ics", lx_cli_ics },
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
                       _("  backup [FILE]            today's rotated backup, or a copy into FILE"),
                       _("  backups                  list the automatic backups"),
                       _("  restore FILE             replace the database with a checked backup"),
                       _("  stats [--year Y] [--json]   visit coverage and counts of a year"),
                       _("  stats-visits [--year Y]  visits by kind, zone, member; field-visit duty"),
                       _("  report [--year Y] --output FILE.pdf   the annual report"),
                       _("  map [--year Y] [--site ID] [--paper a4|a3] --output FILE.png|.pdf   the contact map"),
                       _("  export --period P [--org ID] --output FILE [--unmasked]   the workbook"),
                       _("  import --kind households|members|visits|ballots FILE [--dry-run] [--on-match update|skip]"),
                       _("  notice [--from D] [--to D] --output FILE.pdf   the reception-day notice"),
                       _("  ics [--from D] [--to D] --output FILE.ics   the calendar for phones"),
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
  g_option_context_add_main_entries (context, lx_cli_global_entries, GETTEXT_PACKAGE);
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

  /* Everything written holds residents' data: readable by the user alone. */
  umask (077);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("LIANXIN_LOCALEDIR") ? g_getenv ("LIANXIN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("lianxin-cli");

  context = main_context ();
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lx_cli_usage_error (context, error->message);
  if (argc < 2)
    return lx_cli_usage_error (context, _("No command given"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("lianxin-cli %s", argv[1]);

        g_set_prgname (prgname);
        code = commands[i].run (argc - 1, argv + 1);
        g_clear_object (&lx_cli_cancellable);
        g_free (lx_cli_database);
        return code;
      }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);
    return lx_cli_usage_error (context, message);
  }
}
