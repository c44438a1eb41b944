/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-appeal-form"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-appeal-form.h"

typedef struct
{
  char               *name;
  GtkWidget          *row;
  GtkWidget          *error_row;
  GtkLabel           *error_label;
  const char * const *codes;      /* combo rows only */
  gboolean            has_none;   /* the first item means "not set" */
} Field;

struct _LxAppealForm
{
  GPtrArray *fields;   /* Field */
};

static void
field_free (gpointer data)
{
  Field *f = data;

  g_free (f->name);
  g_free (f);
}

LxAppealForm *
lx_appeal_form_new (void)
{
  LxAppealForm *form = g_new0 (LxAppealForm, 1);

  form->fields = g_ptr_array_new_with_free_func (field_free);
  return form;
}

void
lx_appeal_form_free (LxAppealForm *form)
{
  if (form == NULL)
    return;
  g_ptr_array_unref (form->fields);
  g_free (form);
}

static Field *
find_field (LxAppealForm *form,
            const char   *name)
{
  for (guint i = 0; name != NULL && i < form->fields->len; i++)
    {
      Field *f = g_ptr_array_index (form->fields, i);
      if (g_str_equal (f->name, name))
        return f;
    }
  return NULL;
}

static Field *
add_field (LxAppealForm        *form,
           AdwPreferencesGroup *group,
           const char          *name,
           GtkWidget           *row)
{
  Field *f = g_new0 (Field, 1);
  GtkWidget *label = gtk_label_new (NULL);

  f->name = g_strdup (name);
  f->row = row;
  f->error_row = gtk_list_box_row_new ();
  f->error_label = GTK_LABEL (label);
  gtk_label_set_xalign (f->error_label, 0);
  gtk_label_set_wrap (f->error_label, TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (f->error_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (f->error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (f->error_row), FALSE);
  gtk_widget_set_visible (f->error_row, FALSE);

  if (row != NULL)
    adw_preferences_group_add (group, row);
  adw_preferences_group_add (group, f->error_row);
  g_ptr_array_add (form->fields, f);
  return f;
}

AdwEntryRow *
lx_appeal_form_add_entry (LxAppealForm        *form,
                          AdwPreferencesGroup *group,
                          const char          *field,
                          const char          *title,
                          const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  add_field (form, group, field, row);
  return ADW_ENTRY_ROW (row);
}

AdwComboRow *
lx_appeal_form_add_combo (LxAppealForm        *form,
                          AdwPreferencesGroup *group,
                          const char          *field,
                          const char          *title,
                          const char * const  *codes,
                          LxLabelFunc          label,
                          const char          *none_label,
                          const char          *selected)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  guint position = 0;
  Field *f;

  if (none_label != NULL)
    gtk_string_list_append (items, none_label);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      gtk_string_list_append (items, label != NULL ? label (codes[i]) : codes[i]);
      if (g_strcmp0 (codes[i], selected) == 0)
        position = i + (none_label != NULL);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (items));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
  f = add_field (form, group, field, row);
  f->codes = codes;
  f->has_none = none_label != NULL;
  return ADW_COMBO_ROW (row);
}

/* A message row for errors about no field in particular. */
void
lx_appeal_form_add_general (LxAppealForm        *form,
                            AdwPreferencesGroup *group)
{
  add_field (form, group, "general", NULL);
}

GtkWidget *
lx_appeal_form_get_row (LxAppealForm *form,
                        const char   *field)
{
  Field *f = find_field (form, field);

  return f != NULL ? f->row : NULL;
}

char *
lx_appeal_form_get_text (LxAppealForm *form,
                         const char   *field)
{
  Field *f = find_field (form, field);
  g_autofree char *text = NULL;

  if (f == NULL || !ADW_IS_ENTRY_ROW (f->row))
    return NULL;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->row))));
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

const char *
lx_appeal_form_get_code (LxAppealForm *form,
                         const char   *field)
{
  Field *f = find_field (form, field);
  guint selected;

  if (f == NULL || f->codes == NULL)
    return NULL;
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (f->row));
  if (selected == GTK_INVALID_LIST_POSITION || (f->has_none && selected == 0))
    return NULL;
  return f->codes[selected - (f->has_none ? 1 : 0)];
}

void
lx_appeal_form_clear_errors (LxAppealForm *form)
{
  for (guint i = 0; i < form->fields->len; i++)
    {
      Field *f = g_ptr_array_index (form->fields, i);

      gtk_widget_set_visible (f->error_row, FALSE);
      if (f->row != NULL)
        gtk_widget_remove_css_class (f->row, "error");
    }
}

/* Shows @message under the row of @field (or the general row) and focuses it. */
void
lx_appeal_form_show_error (LxAppealForm *form,
                           const char   *field,
                           const char   *message)
{
  Field *f = find_field (form, field);

  if (f == NULL)
    f = find_field (form, "general");
  if (f == NULL)
    return;
  gtk_label_set_label (f->error_label, message);
  gtk_widget_set_visible (f->error_row, TRUE);
  if (f->row != NULL)
    {
      gtk_widget_add_css_class (f->row, "error");
      gtk_widget_grab_focus (f->row);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}
