/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-residents-group"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-residents-group.h"

/* The "Residents" group of the household editor: one expander row per
 * resident with its entries, an Add button, a Remove button per row, and
 * the error of a row shown inside it. Saving is the editor's business. */

struct _LxResidentsGroup
{
  AdwPreferencesGroup  parent_instance;
  GPtrArray           *rows;   /* ResidentRow */
};

G_DEFINE_FINAL_TYPE (LxResidentsGroup, lx_residents_group, ADW_TYPE_PREFERENCES_GROUP)

typedef struct
{
  gint64       id;
  char        *gender;     /* kept as loaded: the editor does not show it */
  char        *phone;
  GtkWidget   *expander;
  AdwEntryRow *name;
  AdwEntryRow *relation;
  AdwEntryRow *birth;
  AdwEntryRow *id_number;
  AdwEntryRow *notes;
  GtkWidget   *error_row;
  GtkLabel    *error_label;
} ResidentRow;

static void
resident_row_free (gpointer data)
{
  ResidentRow *row = data;

  g_free (row->gender);
  g_free (row->phone);
  g_free (row);
}

static void
update_title (ResidentRow *row)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (row->name));
  const char *relation = gtk_editable_get_text (GTK_EDITABLE (row->relation));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander),
                                 *name != '\0' ? name : _("New resident"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->expander), relation);
}

static AdwEntryRow *
add_entry (ResidentRow *row,
           const char  *title,
           const char  *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), entry);
  return ADW_ENTRY_ROW (entry);
}

static void
on_remove_clicked (GtkButton        *button,
                   LxResidentsGroup *self)
{
  ResidentRow *row = g_object_get_data (G_OBJECT (button), "resident-row");

  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row->expander);
  g_ptr_array_remove (self->rows, row);
}

static ResidentRow *
add_row (LxResidentsGroup *self,
         LxResident       *r)
{
  ResidentRow *row = g_new0 (ResidentRow, 1);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  row->id = r != NULL ? r->id : 0;
  row->gender = r != NULL ? g_strdup (r->gender) : NULL;
  row->phone = r != NULL ? g_strdup (r->phone) : NULL;
  row->expander = adw_expander_row_new ();
  row->name = add_entry (row, _("Full Name"), r ? r->name : NULL);
  row->relation = add_entry (row, _("Relation to the Head"), r ? r->relation : NULL);
  row->birth = add_entry (row, _("Birth Date"), r ? r->birth_date : NULL);
  row->id_number = add_entry (row, _("ID Number"), r ? r->id_number : NULL);
  row->notes = add_entry (row, _("Notes"), r ? r->notes : NULL);

  row->error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->error_row), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->error_row), label);
  gtk_widget_set_visible (row->error_row, FALSE);
  row->error_label = GTK_LABEL (label);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), row->error_row);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this resident"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this resident"), -1);
  g_object_set_data (G_OBJECT (remove), "resident-row", row);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row->expander), remove);

  g_signal_connect_swapped (row->name, "changed", G_CALLBACK (update_title), row);
  g_signal_connect_swapped (row->relation, "changed", G_CALLBACK (update_title), row);
  update_title (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row->expander);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
on_add_clicked (LxResidentsGroup *self)
{
  ResidentRow *row = add_row (self, NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row->expander), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row->name));
}

void
lx_residents_group_set_residents (LxResidentsGroup *self,
                                  GPtrArray        *residents)
{
  g_return_if_fail (LX_IS_RESIDENTS_GROUP (self));

  while (self->rows->len > 0)
    {
      ResidentRow *row = g_ptr_array_index (self->rows, self->rows->len - 1);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row->expander);
      g_ptr_array_remove_index (self->rows, self->rows->len - 1);
    }
  for (guint i = 0; residents != NULL && i < residents->len; i++)
    add_row (self, g_ptr_array_index (residents, i));
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/**
 * lx_residents_group_collect:
 *
 * Returns: (transfer full): the residents as shown, #LxResident
 */
GPtrArray *
lx_residents_group_collect (LxResidentsGroup *self)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (LX_IS_RESIDENTS_GROUP (self), list);

  for (guint i = 0; i < self->rows->len; i++)
    {
      ResidentRow *row = g_ptr_array_index (self->rows, i);
      LxResident *r = lx_resident_new ();

      r->id = row->id;
      r->gender = g_strdup (row->gender);
      r->phone = g_strdup (row->phone);
      r->name = entry_text (row->name);
      r->relation = entry_text (row->relation);
      r->birth_date = entry_text (row->birth);
      r->id_number = entry_text (row->id_number);
      r->notes = entry_text (row->notes);
      g_ptr_array_add (list, r);
    }
  return list;
}

void
lx_residents_group_clear_errors (LxResidentsGroup *self)
{
  g_return_if_fail (LX_IS_RESIDENTS_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_set_visible (((ResidentRow *)g_ptr_array_index (self->rows, i))->error_row, FALSE);
}

/* Opens the resident at @index and shows @message inside it. */
void
lx_residents_group_show_error (LxResidentsGroup *self,
                               guint             index,
                               const char       *field,
                               const char       *message)
{
  ResidentRow *row;
  AdwEntryRow *entry;

  g_return_if_fail (LX_IS_RESIDENTS_GROUP (self));
  if (index >= self->rows->len)
    return;
  row = g_ptr_array_index (self->rows, index);
  entry = g_strcmp0 (field, "birth_date") == 0 ? row->birth
          : g_strcmp0 (field, "id_number") == 0 ? row->id_number
          : g_strcmp0 (field, "relation") == 0 ? row->relation : row->name;
  gtk_label_set_label (row->error_label, message);
  gtk_widget_set_visible (row->error_row, TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row->expander), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static void
lx_residents_group_finalize (GObject *object)
{
  LxResidentsGroup *self = LX_RESIDENTS_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (lx_residents_group_parent_class)->finalize (object);
}

static void
lx_residents_group_class_init (LxResidentsGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lx_residents_group_finalize;
}

static void
lx_residents_group_init (LxResidentsGroup *self)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add a Resident"));

  self->rows = g_ptr_array_new_with_free_func (resident_row_free);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Residents"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("The people living in the household besides its head"));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a Resident"), -1);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
}

LxResidentsGroup *
lx_residents_group_new (void)
{
  return g_object_new (LX_TYPE_RESIDENTS_GROUP, NULL);
}
