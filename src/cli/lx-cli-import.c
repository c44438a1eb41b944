/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lx-cli-private.h"
#include "lx-import.h"

/* lianxin-cli import: the same all-or-nothing import as the dialog. */

static void
import_progress (double   fraction,
                 gpointer user_data)
{
  /* Let a pending Ctrl+C reach the interrupt handler. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
print_result (LxImport             *import,
              const LxImportResult *result)
{
  printf (_("%s: %s, %s, header in row %u\n"), lx_import_get_file_name (import),
          lx_import_kind_label (lx_import_get_kind (import)), lx_import_get_encoding (import),
          lx_import_get_header_row (import));
  printf ("  %-12s %8u\n", _("added"), result->added);
  printf ("  %-12s %8u\n", _("updated"), result->updated);
  printf ("  %-12s %8u\n", _("unchanged"), result->unchanged);
  printf ("  %-12s %8u\n", _("skipped"), result->skipped);
  printf ("  %-12s %8u\n", _("errors"), result->problems->len);
  for (guint i = 0; i < result->problems->len; i++)
    {
      g_autofree char *line = lx_import_problem_format (g_ptr_array_index (result->problems, i));
      printf ("%s\n", line);
    }
}

ExitCode
lx_cli_import (int    argc,
               char **argv)
{
  g_autofree char *kind_text = NULL;
  g_autofree char *on_match = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_text,
      N_("What the file holds: households, members, visits or ballots"), N_("KIND") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and count what would change, without writing"), NULL },
    { "on-match", 'm', 0, G_OPTION_ARG_STRING, &on_match,
      N_("What to do with a record that is already in the database: update (default) or skip"),
      N_("ACTION") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (N_("FILE"), _("Import a roster or visit ledger from a CSV or XLSX file. "
                                          "A file with errors imports nothing."), entries);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(LxImport) import = NULL;
  g_autoptr(LxImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  LxImportKind kind;
  ExitCode code = EXIT_OK;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return lx_cli_usage_error (context, _("import takes one file"));
  if (!lx_import_kind_from_string (kind_text, &kind))
    return lx_cli_usage_error (context, _("--kind must be households, members, visits or ballots"));
  if (on_match != NULL && !g_str_equal (on_match, "update") && !g_str_equal (on_match, "skip"))
    return lx_cli_usage_error (context, _("--on-match must be update or skip"));

  if (!(store = lx_cli_open_store (LX_STORE_OPEN_CREATE, &code)))
    return code;
  lx_cli_watch_interrupts ();
  if (!(import = lx_import_new_from_file (argv[1], kind, lx_cli_cancellable, &error)))
    return lx_cli_fail (error);
  lx_import_set_on_match (import, g_strcmp0 (on_match, "skip") == 0 ? LX_IMPORT_ON_MATCH_SKIP
                                                                     : LX_IMPORT_ON_MATCH_UPDATE);
  result = lx_import_run (import, store, dry_run, import_progress, NULL, lx_cli_cancellable, &error);
  if (result == NULL)
    return lx_cli_fail (error);

  print_result (import, result);
  if (lx_import_result_has_errors (result))
    {
      lx_cli_complain (g_dngettext (GETTEXT_PACKAGE, "Nothing was imported: the file has %d error",
                                    "Nothing was imported: the file has %d errors",
                                    result->problems->len),
                       (int)result->problems->len);
      return EXIT_FAILED;
    }
  if (dry_run)
    printf ("%s\n", _("Dry run: nothing was written."));
  return EXIT_OK;
}
