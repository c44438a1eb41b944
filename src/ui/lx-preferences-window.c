/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-preferences-window.h"
#include "lx-repo.h"
#include "lx-validate.h"

/* Visit rules and quotas live in the database (they are the unit's rules,
 * shared by everyone who opens it); privacy choices in GSettings. */

struct _LxPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;
  LxStore              *store;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (LxPreferencesWindow, lx_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

typedef gboolean (*SaveFunc) (LxStore *store, const char *key, int value, GError **error);

static void
on_spin_changed (GtkSpinButton       *spin,
                 LxPreferencesWindow *self)
{
  SaveFunc save = g_object_get_data (G_OBJECT (spin), "save");
  const char *key = g_object_get_data (G_OBJECT (spin), "key");
  g_autoptr(GError) error = NULL;

  if (!save (self->store, key, gtk_spin_button_get_value_as_int (spin), &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
add_spin_row (LxPreferencesWindow *self,
              AdwPreferencesGroup *group,
              const char          *title,
              const char          *subtitle,
              const char          *key,
              int                  value,
              int                  lower,
              int                  upper,
              SaveFunc             save)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);

  g_object_set_data_full (G_OBJECT (spin), "key", g_strdup (key), g_free);
  g_object_set_data (G_OBJECT (spin), "save", save);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_changed), self);
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *title,
           const char         *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (page, group);
  return group;
}

static void
build_rules_page (LxPreferencesWindow *self)
{
  static const char *roles[] = { "secretary", "deputy", "committee", "group_leader", "member" };
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  g_autoptr(GPtrArray) tags = lx_repo_list_need_tags (self->store, NULL);
  AdwPreferencesGroup *group;

  adw_preferences_page_set_title (page, _("Visit Rules"));
  adw_preferences_page_set_icon_name (page, "x-office-calendar-symbolic");

  group = add_group (page, _("Home Visits"),
                     _("How often a household must be visited, in days. A household follows "
                       "the shortest rule that applies to it."));
  add_spin_row (self, group, _("Every Household"), _("At least once a year"), "default",
                lx_repo_get_visit_rule (self->store, "default"), 1, 3660, lx_repo_set_visit_rule);
  add_spin_row (self, group, _("Paired Households"), _("Twice a year"), "paired",
                lx_repo_get_visit_rule (self->store, "paired"), 1, 3660, lx_repo_set_visit_rule);

  group = add_group (page, _("Needy Households"),
                     _("Households in need are visited at least every quarter by default"));
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      LxNeedTag *tag = g_ptr_array_index (tags, i);
      add_spin_row (self, group, lx_need_tag_label (tag->code), NULL, tag->code,
                    tag->visit_interval_days, 1, 3660, lx_repo_set_need_tag_interval);
    }

  group = add_group (page, _("Pairing Quotas"),
                     _("How many households each member looks after, by role"));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    add_spin_row (self, group, lx_member_role_label (roles[i]), NULL, roles[i],
                  lx_repo_get_quota (self->store, roles[i]), 0, 100, lx_repo_set_quota);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

/* The unit's contact phone is printed on the reception-day notice. */
static void
on_phone_applied (AdwEntryRow         *row,
                  LxPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *phone = NULL;
  g_autoptr(GError) error = NULL;

  if (*text != '\0' && !lx_validate_phone (text, &phone, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (!lx_store_set_setting (self->store, "unit_phone", phone, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  if (phone != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), phone);
}

static void
build_unit_page (LxPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group;
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *phone = lx_store_get_setting (self->store, "unit_phone");

  adw_preferences_page_set_title (page, _("Unit"));
  adw_preferences_page_set_icon_name (page, "system-users-symbolic");
  group = add_group (page, _("Contact"),
                     _("Printed on the reception-day notice for residents to call"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Contact Phone"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), phone != NULL ? phone : "");
  g_signal_connect (row, "apply", G_CALLBACK (on_phone_applied), self);
  adw_preferences_group_add (group, row);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static void
build_privacy_page (LxPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_page_set_title (page, _("Privacy"));
  adw_preferences_page_set_icon_name (page, "security-high-symbolic");
  group = add_group (page, _("Residents’ Data"),
                     _("Lianxin never sends data over the network. The database and its "
                       "backups can only be read by you."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Mask Phone and ID Numbers in Exports"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("138****5678 and 110101********1234"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_settings_bind (self->settings, "mask-exports", toggle, "active", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (group, row);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

LxPreferencesWindow *
lx_preferences_window_new (LxStore *store)
{
  LxPreferencesWindow *self;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  self = g_object_new (LX_TYPE_PREFERENCES_WINDOW, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  build_rules_page (self);
  build_unit_page (self);
  build_privacy_page (self);
  return self;
}

static void
lx_preferences_window_dispose (GObject *object)
{
  LxPreferencesWindow *self = LX_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (lx_preferences_window_parent_class)->dispose (object);
}

static void
lx_preferences_window_class_init (LxPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lx_preferences_window_dispose;
}

static void
lx_preferences_window_init (LxPreferencesWindow *self)
{
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
}
