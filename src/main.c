/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sys/stat.h>

#include "lx-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LxApplication) app = NULL;
  const char *localedir = g_getenv ("LIANXIN_LOCALEDIR");

  /* LIANXIN_LOCALEDIR lets an uninstalled build (tests, build-aux/dev.sh)
   * find the catalogues it just compiled. */
  /* Everything Lianxin writes (database, backups, exports, temporary files)
   * holds residents' data: readable by the user alone. */
  umask (077);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lx_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
