/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-appeal-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-appeal-editor.h"
#include "lx-appeal-form.h"
#include "lx-appeal-repo.h"
#include "lx-date.h"
#include "lx-repo.h"

#define MAX_SUGGESTIONS 8

struct _LxAppealEditor
{
  AdwWindow            parent_instance;

  LxStore             *store;
  LxAppealForm        *form;
  gint64               household_id;   /* chosen from the list; 0: none */
  gint64               visit_id;
  gboolean             filling;        /* setting the entry from code */
  AdwEntryRow         *who_row;

  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *who_group;
  AdwPreferencesGroup *suggest_group;
  GtkListBox          *suggest_list;
  AdwPreferencesGroup *appeal_group;
};

G_DEFINE_FINAL_TYPE (LxAppealEditor, lx_appeal_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_who (LxAppealEditor *self,
         LxHousehold    *h)
{
  g_autofree char *address = h != NULL ? lx_household_dup_address (h) : NULL;

  self->household_id = h != NULL ? h->id : 0;
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->who_row), h != NULL ? h->head_name : "");
  self->filling = FALSE;
  adw_preferences_group_set_description (self->who_group, address);
  gtk_widget_set_visible (GTK_WIDGET (self->suggest_group), FALSE);
}

static GtkWidget *
suggestion_row (LxHousehold *h)
{
  g_autofree char *address = lx_household_dup_address (h);
  g_autofree char *name = g_strdup_printf ("%s %s", h->head_name, address);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), h->head_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), address);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (row), "household", g_object_ref (h), g_object_unref);
  return row;
}

/* Households whose name, pinyin, initials, address or phone match: in SQL. */
static void
on_who_changed (LxAppealEditor *self)
{
  g_autofree char *text = lx_appeal_form_get_text (self->form, "household");
  g_autofree char *today = lx_date_today ();
  LxHouseholdFilter filter = { 0 };
  g_autoptr(GArray) ids = NULL;
  GtkWidget *child;

  if (self->filling)
    return;
  self->household_id = 0;
  adw_preferences_group_set_description (self->who_group,
                                         _("Not chosen from the registry: kept as the name given"));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggest_list))) != NULL)
    gtk_list_box_remove (self->suggest_list, child);

  if (text != NULL)
    {
      filter.search = text;
      ids = lx_repo_query_household_ids (self->store, &filter, today, NULL);
    }
  for (guint i = 0; ids != NULL && i < MIN (ids->len, MAX_SUGGESTIONS); i++)
    {
      g_autoptr(LxHousehold) h = lx_repo_get_household (self->store,
                                                        g_array_index (ids, gint64, i), NULL);
      if (h != NULL)
        gtk_list_box_append (self->suggest_list, suggestion_row (h));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggest_group), ids != NULL && ids->len > 0);
}

static void
on_suggestion_activated (LxAppealEditor *self,
                         GtkListBoxRow  *row)
{
  /* Selecting a row (as assistive technologies do) chooses it too. */
  if (row != NULL)
    set_who (self, g_object_get_data (G_OBJECT (row), "household"));
}

static LxAppeal *
collect (LxAppealEditor *self)
{
  LxAppeal *a = lx_appeal_new ();
  LxAppealForm *f = self->form;

  a->received_on = lx_appeal_form_get_text (f, "received_on");
  a->channel = g_strdup (lx_appeal_form_get_code (f, "channel"));
  a->household_id = self->household_id;
  if (self->household_id == 0)
    a->anonymous_name = lx_appeal_form_get_text (f, "household");
  a->concern = g_strdup (lx_appeal_form_get_code (f, "concern"));
  a->domain = g_strdup (lx_appeal_form_get_code (f, "domain"));
  a->priority = g_strdup (lx_appeal_form_get_code (f, "priority"));
  a->description = lx_appeal_form_get_text (f, "description");
  a->visit_id = self->visit_id;
  return a;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LxAppealEditor *self = LX_APPEAL_EDITOR (widget);
  g_autoptr(LxAppeal) a = collect (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();
  const char *field = NULL;
  gint64 id;

  lx_appeal_form_clear_errors (self->form);
  if (!lx_appeal_validate (a, today, &field, &error))
    {
      lx_appeal_form_show_error (self->form, field, error->message);
      return;
    }
  id = lx_appeal_repo_intake (self->store, a, 0, &error);
  if (id == 0)
    {
      lx_appeal_form_show_error (self->form, "general", error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_entry_activated (LxAppealEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
build_fields (LxAppealEditor *self,
              const char     *channel)
{
  g_autofree char *today = lx_date_today ();
  LxAppealForm *f = self->form;
  AdwEntryRow *description;

  self->who_row = lx_appeal_form_add_entry (f, self->who_group, "household",
                                            _("Household or Name Given"), NULL);
  g_signal_connect_swapped (self->who_row, "changed", G_CALLBACK (on_who_changed), self);

  lx_appeal_form_add_entry (f, self->appeal_group, "received_on", _("Received On"), today);
  lx_appeal_form_add_combo (f, self->appeal_group, "channel", _("Channel"), lx_appeal_channels (),
                            lx_appeal_channel_label, NULL, channel);
  lx_appeal_form_add_combo (f, self->appeal_group, "concern", _("Concern"), lx_appeal_concerns (),
                            lx_appeal_concern_label, _("Not set"), NULL);
  lx_appeal_form_add_combo (f, self->appeal_group, "domain", _("Domain"), lx_appeal_domains (),
                            lx_appeal_domain_label, NULL, "other");
  lx_appeal_form_add_combo (f, self->appeal_group, "priority", _("Priority"),
                            lx_appeal_priorities (), lx_appeal_priority_label, _("Not set"), NULL);
  description = lx_appeal_form_add_entry (f, self->appeal_group, "description",
                                          _("What the Person Asks For"), NULL);
  g_signal_connect_swapped (description, "entry-activated", G_CALLBACK (on_entry_activated), self);
  lx_appeal_form_add_general (f, self->appeal_group);
  gtk_widget_set_visible (GTK_WIDGET (self->suggest_group), FALSE);
}

static const char *
channel_for_visit (LxStore *store,
                   gint64   visit_id)
{
  sqlite3_stmt *stmt;
  const char *channel = "home_visit";

  stmt = lx_store_prepare (store, "SELECT kind FROM visit WHERE id = ?", NULL);
  if (stmt == NULL)
    return channel;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *kind = (const char *)sqlite3_column_text (stmt, 0);
      channel = g_strcmp0 (kind, "field") == 0 ? "field_visit"
                : g_strcmp0 (kind, "reception") == 0 ? "reception"
                : g_strcmp0 (kind, "home") == 0 ? "home_visit" : "other";
    }
  sqlite3_reset (stmt);
  return channel;
}

static LxAppealEditor *
editor_new (LxStore    *store,
            const char *channel)
{
  LxAppealEditor *self;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  self = g_object_new (LX_TYPE_APPEAL_EDITOR, NULL);
  self->store = g_object_ref (store);
  build_fields (self, channel);
  gtk_widget_grab_focus (GTK_WIDGET (self->who_row));
  return self;
}

LxAppealEditor *
lx_appeal_editor_new (LxStore *store)
{
  return editor_new (store, "home_visit");
}

GtkWindow *
lx_appeal_editor_new_for_household (LxStore *store,
                                    gint64   household_id,
                                    gint64   visit_id)
{
  LxAppealEditor *self;
  g_autoptr(LxHousehold) h = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  self = editor_new (store, visit_id > 0 ? channel_for_visit (store, visit_id) : "home_visit");
  self->visit_id = visit_id;
  if (household_id > 0 && (h = lx_repo_get_household (store, household_id, NULL)) != NULL)
    set_who (self, h);
  return GTK_WINDOW (self);
}

static void
lx_appeal_editor_dispose (GObject *object)
{
  LxAppealEditor *self = LX_APPEAL_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_APPEAL_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->form, lx_appeal_form_free);

  G_OBJECT_CLASS (lx_appeal_editor_parent_class)->dispose (object);
}

static void
lx_appeal_editor_class_init (LxAppealEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lx_appeal_editor_dispose;

  /**
   * LxAppealEditor::saved:
   * @id: the new appeal's id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/lx-appeal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LxAppealEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LxAppealEditor, who_group);
  gtk_widget_class_bind_template_child (widget_class, LxAppealEditor, suggest_group);
  gtk_widget_class_bind_template_child (widget_class, LxAppealEditor, suggest_list);
  gtk_widget_class_bind_template_child (widget_class, LxAppealEditor, appeal_group);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_activated);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lx_appeal_editor_init (LxAppealEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->form = lx_appeal_form_new ();
}
