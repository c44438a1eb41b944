/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-service-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-service-editor.h"

/* One small editor for every record of the Service view: a column of entry
 * and choice rows, each followed by a hidden error line that the save
 * callback's field name turns on. The records have three to six fields, so
 * one generic window serves them better than seven templates. */

struct _LxServiceEditor
{
  AdwWindow            parent_instance;

  GtkWidget           *group;
  GtkWidget           *general_error;
  GHashTable          *rows;     /* field → AdwEntryRow / AdwComboRow */
  GHashTable          *errors;   /* field → GtkLabel */
  LxServiceEditorSave  save;
  gpointer             user_data;
  GDestroyNotify       destroy;
};

G_DEFINE_FINAL_TYPE (LxServiceEditor, lx_service_editor, ADW_TYPE_WINDOW)

static GtkWidget *
error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static void
clear_errors (LxServiceEditor *self)
{
  GHashTableIter iter;
  gpointer key, label;

  g_hash_table_iter_init (&iter, self->errors);
  while (g_hash_table_iter_next (&iter, &key, &label))
    {
      gtk_widget_set_visible (label, FALSE);
      gtk_widget_remove_css_class (g_hash_table_lookup (self->rows, key), "error");
    }
  gtk_widget_set_visible (self->general_error, FALSE);
}

static void
show_error (LxServiceEditor *self,
            const char      *field,
            const char      *message)
{
  GtkWidget *label = field != NULL ? g_hash_table_lookup (self->errors, field) : NULL;
  GtkWidget *row = field != NULL ? g_hash_table_lookup (self->rows, field) : NULL;

  if (label == NULL)
    label = self->general_error;
  gtk_label_set_text (GTK_LABEL (label), message);
  gtk_widget_set_visible (label, TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
on_save (GtkButton       *button,
         LxServiceEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  clear_errors (self);
  if (!self->save (self, self->user_data, &field, &error))
    {
      show_error (self, field, error != NULL ? error->message : _("Cannot save"));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_cancel (GtkButton       *button,
           LxServiceEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
lx_service_editor_finalize (GObject *object)
{
  LxServiceEditor *self = LX_SERVICE_EDITOR (object);

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  g_hash_table_unref (self->rows);
  g_hash_table_unref (self->errors);
  G_OBJECT_CLASS (lx_service_editor_parent_class)->finalize (object);
}

static void
lx_service_editor_class_init (LxServiceEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = lx_service_editor_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lx_service_editor_init (LxServiceEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  /* GTK 4.8 names a mnemonic button "_Save Save" on the bus: say it plainly. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel), self);
  g_signal_connect (save, "clicked", G_CALLBACK (on_save), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  self->group = adw_preferences_group_new ();
  self->general_error = error_label_new ();
  gtk_box_append (GTK_BOX (page), self->group);
  gtk_box_append (GTK_BOX (page), self->general_error);
  gtk_widget_set_margin_start (page, 18);
  gtk_widget_set_margin_end (page, 18);
  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), page);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
}

LxServiceEditor *
lx_service_editor_new (GtkWidget           *parent,
                       const char          *title,
                       LxServiceEditorSave  save,
                       gpointer             user_data,
                       GDestroyNotify       destroy)
{
  LxServiceEditor *self = g_object_new (LX_TYPE_SERVICE_EDITOR, "title", title, NULL);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  self->save = save;
  self->user_data = user_data;
  self->destroy = destroy;
  return self;
}

static void
add_row (LxServiceEditor *self,
         const char      *field,
         GtkWidget       *row)
{
  GtkWidget *error = error_label_new ();

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), error);
  g_hash_table_insert (self->rows, g_strdup (field), row);
  g_hash_table_insert (self->errors, g_strdup (field), error);
}

void
lx_service_editor_add_entry (LxServiceEditor *self,
                             const char      *field,
                             const char      *title,
                             const char      *text)
{
  GtkWidget *row = adw_entry_row_new ();

  g_return_if_fail (LX_IS_SERVICE_EDITOR (self));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  add_row (self, field, row);
}

void
lx_service_editor_add_choice (LxServiceEditor *self,
                              const char      *field,
                              const char      *title,
                              GStrv            labels,
                              guint            selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *)labels);

  g_return_if_fail (LX_IS_SERVICE_EDITOR (self));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  add_row (self, field, row);
}

char *
lx_service_editor_get_text (LxServiceEditor *self,
                            const char      *field)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, field);

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

guint
lx_service_editor_get_choice (LxServiceEditor *self,
                              const char      *field)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, field);

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), GTK_INVALID_LIST_POSITION);
  return adw_combo_row_get_selected (ADW_COMBO_ROW (row));
}
