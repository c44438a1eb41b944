/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lx-backup.h"
#include "lx-cli-private.h"

/* The automatic backups: "backup" without FILE, "backups", "restore FILE". */

static char *
format_size (gint64 size)
{
  return g_format_size_full ((guint64)size, G_FORMAT_SIZE_DEFAULT);
}

/* Called by lx_cli_backup (lx-cli-basic.c) when no FILE was given; the
 * options are parsed already. */
ExitCode
lx_cli_backup_daily (int    argc,
                     char **argv)
{
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  ExitCode code = EXIT_OK;
  gboolean created = FALSE;

  if (!(store = lx_cli_open_store (LX_STORE_OPEN_DEFAULT, &code)))
    return code;
  if (!(path = lx_backup_make_daily (store, FALSE, &created, NULL, &error)))
    return lx_cli_fail (error);

  if (created)
    printf (_("Backed up “%s” to “%s”.\n"), lx_store_get_path (store), path);
  else
    printf (_("Today’s backup exists already: “%s”.\n"), path);
  return EXIT_OK;
}

ExitCode
lx_cli_backups (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (NULL, _("List the automatic backups of the database."), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  ExitCode code = EXIT_OK;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return lx_cli_usage_error (context, _("backups takes no arguments"));

  path = lx_store_resolve_path (lx_cli_database);
  dir = lx_backup_dir_for (path);
  if (!(list = lx_backup_list (path, &error)))
    return lx_cli_fail (error);
  if (list->len == 0)
    {
      printf (_("No backups in “%s”.\n"), dir);
      return EXIT_OK;
    }

  printf (_("Backups in “%s”:\n"), dir);
  for (guint i = 0; i < list->len; i++)
    {
      LxBackupInfo *info = g_ptr_array_index (list, i);
      g_autofree char *size = format_size (info->size);

      printf ("  %s  %10s  %s%s\n", info->date, size, info->name,
              info->before_restore ? _("  (kept by a restore)") : "");
    }
  return EXIT_OK;
}

ExitCode
lx_cli_restore (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (_("FILE"),
                            _("Replace the database with the backup FILE, after checking it. "
                              "The current database is kept in the backup folder. Close "
                              "Lianxin first."),
                            NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  ExitCode code = EXIT_OK;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return lx_cli_usage_error (context, _("restore needs exactly one FILE"));

  path = lx_store_resolve_path (lx_cli_database);
  if (!lx_backup_restore (path, argv[1], &saved, NULL, &error))
    return lx_cli_fail (error);

  printf (_("Restored “%s” from “%s”.\n"), path, argv[1]);
  if (saved != NULL)
    printf (_("The database it replaced is kept as “%s”.\n"), saved);
  return EXIT_OK;
}
