/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "lx-cli-private.h"
#include "lx-export.h"

/* lianxin-cli export: the workbook for the superior organization. */

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  gboolean   ok;
  gboolean   show;
} ExportRun;

static void
export_progress (double   fraction,
                 gpointer user_data)
{
  ExportRun *run = user_data;

  if (run->show)
    {
      fprintf (stderr, "\r%3d%%", (int)(fraction * 100));
      fflush (stderr);
    }
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportRun *run = user_data;

  run->ok = lx_export_run_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

ExitCode
lx_cli_export (int    argc,
               char **argv)
{
  g_autofree char *period_text = NULL;
  g_autofree char *output = NULL;
  gint64 org = 0;
  gboolean unmasked = FALSE;
  const GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text,
      N_("The period: 2026, 2026-Q3, 2026-05 or 2026-01-01..2026-06-30"), N_("PERIOD") },
    { "org", 0, 0, G_OPTION_ARG_INT64, &org,
      N_("Only this organization and those under it (default: the whole unit)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write (.xlsx)"),
      N_("FILE") },
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked,
      N_("Write phone and ID numbers in full (the workbook says so)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (NULL, _("Export the workbook for the superior organization."), entries);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  LxExportOptions options = { 0 };
  ExportRun run = { 0 };
  ExitCode code = EXIT_OK;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return lx_cli_usage_error (context, _("export takes no arguments"));
  if (period_text == NULL || output == NULL)
    return lx_cli_usage_error (context, _("export needs --period and --output"));
  if (!lx_period_parse (period_text, &options.period, &error))
    return lx_cli_usage_error (context, error->message);
  if (org < 0)
    return lx_cli_usage_error (context, _("--org must be the number of an organization"));
  options.org_id = org;
  options.unmasked = unmasked;

  /* Opened here too, so that a missing or refused database gets its exit status. */
  if (!(store = lx_cli_open_store (LX_STORE_OPEN_DEFAULT, &code)))
    return code;

  lx_cli_watch_interrupts ();
  loop = g_main_loop_new (NULL, FALSE);
  run.loop = loop;
  run.show = isatty (STDERR_FILENO);
  lx_export_run_async (lx_store_get_path (store), &options, output, export_progress, &run,
                       lx_cli_cancellable, export_done, &run);
  g_main_loop_run (loop);
  if (run.show)
    fprintf (stderr, "\r");
  if (!run.ok)
    {
      code = lx_cli_fail (run.error);
      g_clear_error (&run.error);
      return code;
    }
  printf (_("Wrote “%s”.\n"), output);
  return EXIT_OK;
}
