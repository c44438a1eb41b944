/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-application"

#include "config.h"

#include <glib/gi18n.h>

#include "backup/lx-backup-dialog.h"
#include "export/lx-export-dialog.h"
#include "import/lx-import-dialog.h"
#include "lx-application.h"
#include "lx-preferences-window.h"
#include "lx-store.h"
#include "lx-ui-resources.h"
#include "lx-window.h"

struct _LxApplication
{
  AdwApplication  parent_instance;
  char           *database_path;
};

G_DEFINE_FINAL_TYPE (LxApplication, lx_application, ADW_TYPE_APPLICATION)

LxApplication *
lx_application_new (void)
{
  return g_object_new (LX_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

const char *
lx_application_get_database_path (LxApplication *self)
{
  g_return_val_if_fail (LX_IS_APPLICATION (self), NULL);
  return self->database_path;
}

static int
lx_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  LxApplication *self = LX_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("lianxin %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "database", "^&ay", &path);
  self->database_path = lx_store_resolve_path (path);
  return -1;
}

static void
lx_application_activate (GApplication *app)
{
  LxApplication *self = LX_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (lx_window_new (self, self->database_path));
  gtk_window_present (window);
}

static void
show_about (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("Lianxin developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Lianxin"),
                        "application-icon", APP_ID,
                        "developer-name", _("Lianxin developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Serving the masses, household by household: "
                                      "registry, visits, appeals, pairing and evaluation "
                                      "for grassroots party organizations."),
                        "website", "https://github.com/lianxin/lianxin",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
show_export (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (LX_IS_WINDOW (parent) && lx_window_get_store (LX_WINDOW (parent)) != NULL)
    gtk_window_present (GTK_WINDOW (lx_export_dialog_new (parent,
                                                          lx_window_get_store (LX_WINDOW (parent)),
                                                          lx_window_get_year (LX_WINDOW (parent)))));
}

static void
show_import (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (LX_IS_WINDOW (parent) && lx_window_get_store (LX_WINDOW (parent)) != NULL)
    gtk_window_present (GTK_WINDOW (lx_import_dialog_new (parent, lx_window_get_store (LX_WINDOW (parent)),
                                                          NULL)));
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  LxStore *store = LX_IS_WINDOW (parent) ? lx_window_get_store (LX_WINDOW (parent)) : NULL;
  GtkWindow *prefs;

  if (store == NULL)
    return;
  prefs = GTK_WINDOW (lx_preferences_window_new (store));
  gtk_window_set_transient_for (prefs, parent);
  gtk_window_present (prefs);
}

static void
show_backup (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (LX_IS_WINDOW (parent) && lx_window_get_store (LX_WINDOW (parent)) != NULL)
    gtk_window_present (GTK_WINDOW (lx_backup_dialog_new (LX_WINDOW (parent))));
}

static void
quit_app (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing the windows lets them save their state in unmap. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_destroy (windows->data);
      windows = next;
    }
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
  { "preferences", show_preferences },
  { "backup", show_backup },
  { "export", show_export },
  { "import", show_import },
  { "quit", quit_app },
};

static void
lx_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  /* Registered by hand: the resource lives in a static library, whose
   * constructor may never be linked in. Before startup chains up, so that
   * GtkApplication finds the shortcuts window and style.css. */
  g_resources_register (lx_ui_get_resource ());

  G_APPLICATION_CLASS (lx_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
}

static void
lx_application_finalize (GObject *object)
{
  LxApplication *self = (LxApplication *)object;

  g_clear_pointer (&self->database_path, g_free);
  G_OBJECT_CLASS (lx_application_parent_class)->finalize (object);
}

static void
lx_application_class_init (LxApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = lx_application_finalize;
  app_class->handle_local_options = lx_application_handle_local_options;
  app_class->activate = lx_application_activate;
  app_class->startup = lx_application_startup;
}

static void
lx_application_init (LxApplication *self)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database at PATH instead of the usual one"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Lianxin keeps the household registry, visits and "
                                              "appeals of a grassroots party organization."));
}
