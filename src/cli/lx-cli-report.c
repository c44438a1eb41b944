/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lx-cli-private.h"
#include "lx-date.h"
#include "lx-report.h"

/* --------------------------------------------------------------- report */

ExitCode
lx_cli_report (int    argc,
               char **argv)
{
  int year = 0;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year (default: this year)"), N_("Y") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (NULL, _("Write the annual report of a year as a PDF."), entries);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();
  ExitCode code = EXIT_OK;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return lx_cli_usage_error (context, _("report takes no arguments"));
  if (output == NULL)
    return lx_cli_usage_error (context, _("--output FILE.pdf is required"));
  if (year == 0)
    year = lx_date_current_year ();
  if (year < 1900 || year > 9999)
    return lx_cli_usage_error (context, _("--year must be between 1900 and 9999"));

  if (!(store = lx_cli_open_store (LX_STORE_OPEN_DEFAULT, &code)))
    return code;
  if (!lx_report_write_pdf (store, year, today, output, &error))
    return lx_cli_fail (error);
  return EXIT_OK;
}
