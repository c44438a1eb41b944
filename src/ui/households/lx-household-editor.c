/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-household-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-household-editor.h"
#include "lx-residents-group.h"
#include "lx-repo.h"

struct _LxHouseholdEditor
{
  AdwWindow        parent_instance;

  LxStore         *store;
  LxHousehold     *household;   /* NULL when adding */
  GPtrArray       *buildings;   /* LxBuilding, index + 1 in building_row */
  GPtrArray       *zones;       /* LxZone, index + 1 in zone_row */
  GPtrArray       *need_tags;   /* LxNeedTag */
  GPtrArray       *need_checks; /* GtkCheckButton, parallel to need_tags */

  AdwWindowTitle  *window_title;
  AdwEntryRow     *head_row;
  GtkWidget       *head_error;
  GtkLabel        *head_error_label;
  AdwEntryRow     *phone_row;
  GtkWidget       *phone_error;
  GtkLabel        *phone_error_label;
  AdwEntryRow     *id_row;
  GtkWidget       *id_error;
  GtkLabel        *id_error_label;
  GtkSpinButton   *size_spin;
  AdwComboRow     *building_row;
  GtkWidget       *entrance_row;
  GtkSpinButton   *entrance_spin;
  GtkWidget       *floor_row;
  GtkSpinButton   *floor_spin;
  AdwEntryRow     *room_row;
  AdwEntryRow     *address_row;
  GtkWidget       *address_error;
  GtkLabel        *address_error_label;
  AdwComboRow     *zone_row;
  AdwPreferencesGroup *needs_group;
  LxResidentsGroup *residents_group;
  AdwEntryRow     *notes_row;
  GtkWidget       *general_error;
  GtkLabel        *general_error_label;
};

G_DEFINE_FINAL_TYPE (LxHouseholdEditor, lx_household_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
clear_errors (LxHouseholdEditor *self)
{
  GtkWidget *rows[] = { self->head_error, self->phone_error, self->id_error,
                        self->address_error, self->general_error };
  GtkWidget *fields[] = { GTK_WIDGET (self->head_row), GTK_WIDGET (self->phone_row),
                          GTK_WIDGET (self->id_row), GTK_WIDGET (self->address_row) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_visible (rows[i], FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (fields[i], "error");
}

/* Shows @message right under the field it is about, and focuses the field. */
static void
show_error (LxHouseholdEditor *self,
            const char        *field,
            const char        *message)
{
  GtkWidget *row = self->general_error;
  GtkLabel *label = self->general_error_label;
  GtkWidget *entry = NULL;

  if (g_strcmp0 (field, "head_name") == 0)
    row = self->head_error, label = self->head_error_label, entry = GTK_WIDGET (self->head_row);
  else if (g_strcmp0 (field, "phone") == 0)
    row = self->phone_error, label = self->phone_error_label, entry = GTK_WIDGET (self->phone_row);
  else if (g_strcmp0 (field, "id_number") == 0)
    row = self->id_error, label = self->id_error_label, entry = GTK_WIDGET (self->id_row);
  else if (g_strcmp0 (field, "address") == 0)
    row = self->address_error, label = self->address_error_label,
    entry = GTK_WIDGET (self->address_row);

  gtk_label_set_label (label, message);
  gtk_widget_set_visible (row, TRUE);
  if (entry != NULL)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_grab_focus (entry);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static LxHousehold *
collect (LxHouseholdEditor *self)
{
  LxHousehold *h = lx_household_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  guint building = adw_combo_row_get_selected (self->building_row);
  guint zone = adw_combo_row_get_selected (self->zone_row);

  h->id = self->household != NULL ? self->household->id : 0;
  h->head_name = entry_text (self->head_row);
  h->phone = entry_text (self->phone_row);
  h->id_number = entry_text (self->id_row);
  h->size = gtk_spin_button_get_value_as_int (self->size_spin);
  h->notes = entry_text (self->notes_row);

  if (building > 0 && building <= self->buildings->len)
    {
      LxBuilding *b = g_ptr_array_index (self->buildings, building - 1);
      h->building_id = b->id;
      h->entrance = gtk_spin_button_get_value_as_int (self->entrance_spin);
      h->floor = gtk_spin_button_get_value_as_int (self->floor_spin);
      h->room = entry_text (self->room_row);
    }
  h->address = entry_text (self->address_row);
  if (zone > 0 && zone <= self->zones->len)
    h->zone_id = ((LxZone *)g_ptr_array_index (self->zones, zone - 1))->id;

  for (guint i = 0; i < self->need_tags->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->need_checks, i)))
      g_ptr_array_add (tags, g_strdup (((LxNeedTag *)g_ptr_array_index (self->need_tags, i))->code));
  g_ptr_array_add (tags, NULL);
  g_strfreev (h->need_tags);
  h->need_tags = (char **)g_ptr_array_free (g_steal_pointer (&tags), FALSE);
  return h;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LxHouseholdEditor *self = LX_HOUSEHOLD_EDITOR (widget);
  g_autoptr(LxHousehold) h = collect (self);
  g_autoptr(GPtrArray) residents = lx_residents_group_collect (self->residents_group);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();
  const char *field = NULL;
  guint index = 0;
  gint64 id;

  clear_errors (self);
  lx_residents_group_clear_errors (self->residents_group);
  if (!lx_household_validate (h, today, &field, &error))
    {
      show_error (self, field, error->message);
      return;
    }
  if (!lx_residents_validate (residents, today, &index, &field, &error))
    {
      lx_residents_group_show_error (self->residents_group, index, field, error->message);
      return;
    }

  /* The residents are saved with the household, in one transaction. */
  id = lx_repo_save_household_with_residents (self->store, h, residents, &error);
  if (id == 0)
    {
      show_error (self, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_entry_activated (LxHouseholdEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
on_building_changed (LxHouseholdEditor *self)
{
  gboolean on_grid = adw_combo_row_get_selected (self->building_row) > 0;

  gtk_widget_set_visible (self->entrance_row, on_grid);
  gtk_widget_set_visible (self->floor_row, on_grid);
  gtk_widget_set_visible (GTK_WIDGET (self->room_row), on_grid);
}

static GPtrArray *
list_or_empty (GPtrArray *list)
{
  return list != NULL ? list : g_ptr_array_new_with_free_func (g_object_unref);
}

static void
setup_choices (LxHouseholdEditor *self)
{
  g_autoptr(GtkStringList) buildings = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) zones = gtk_string_list_new (NULL);

  self->buildings = list_or_empty (lx_repo_list_buildings (self->store, 0, NULL));
  self->zones = list_or_empty (lx_repo_list_zones (self->store, NULL));
  self->need_tags = list_or_empty (lx_repo_list_need_tags (self->store, NULL));
  self->need_checks = g_ptr_array_new ();

  gtk_string_list_append (buildings, _("Not in a listed building"));
  for (guint i = 0; i < self->buildings->len; i++)
    {
      LxBuilding *b = g_ptr_array_index (self->buildings, i);
      g_autofree char *label = g_strconcat (b->site_name, b->name, NULL);
      gtk_string_list_append (buildings, label);
    }
  adw_combo_row_set_model (self->building_row, G_LIST_MODEL (buildings));

  gtk_string_list_append (zones, _("No zone"));
  for (guint i = 0; i < self->zones->len; i++)
    gtk_string_list_append (zones, ((LxZone *)g_ptr_array_index (self->zones, i))->name);
  adw_combo_row_set_model (self->zone_row, G_LIST_MODEL (zones));

  for (guint i = 0; i < self->need_tags->len; i++)
    {
      LxNeedTag *tag = g_ptr_array_index (self->need_tags, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lx_need_tag_label (tag->code));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      lx_need_tag_label (tag->code), -1);
      adw_preferences_group_add (self->needs_group, row);
      g_ptr_array_add (self->need_checks, check);
    }

  g_signal_connect_swapped (self->building_row, "notify::selected",
                            G_CALLBACK (on_building_changed), self);
  on_building_changed (self);
}

static guint
index_of_id (GPtrArray *list,
             gsize      id_offset,
             gint64     id)
{
  for (guint i = 0; id > 0 && i < list->len; i++)
    if (G_STRUCT_MEMBER (gint64, g_ptr_array_index (list, i), id_offset) == id)
      return i + 1;
  return 0;
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill (LxHouseholdEditor *self)
{
  LxHousehold *h = self->household;

  if (h == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Household"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Household"));
      return;
    }

  adw_window_title_set_title (self->window_title, _("Edit Household"));
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Household"));
  adw_window_title_set_subtitle (self->window_title, h->head_name);
  set_entry (self->head_row, h->head_name);
  set_entry (self->phone_row, h->phone);
  set_entry (self->id_row, h->id_number);
  gtk_spin_button_set_value (self->size_spin, h->size);
  adw_combo_row_set_selected (self->building_row,
                              index_of_id (self->buildings, G_STRUCT_OFFSET (LxBuilding, id),
                                           h->building_id));
  if (h->entrance > 0)
    gtk_spin_button_set_value (self->entrance_spin, h->entrance);
  if (h->floor > 0)
    gtk_spin_button_set_value (self->floor_spin, h->floor);
  set_entry (self->room_row, h->room);
  set_entry (self->address_row, h->address);
  adw_combo_row_set_selected (self->zone_row,
                              index_of_id (self->zones, G_STRUCT_OFFSET (LxZone, id), h->zone_id));
  set_entry (self->notes_row, h->notes);
  {
    g_autoptr(GPtrArray) residents = lx_repo_list_residents (self->store, h->id, NULL);
    lx_residents_group_set_residents (self->residents_group, residents);
  }

  for (guint i = 0; i < self->need_tags->len; i++)
    {
      LxNeedTag *tag = g_ptr_array_index (self->need_tags, i);
      gtk_check_button_set_active (g_ptr_array_index (self->need_checks, i),
                                   g_strv_contains ((const char * const *)h->need_tags, tag->code));
    }
}

LxHouseholdEditor *
lx_household_editor_new (LxStore     *store,
                         LxHousehold *household)
{
  LxHouseholdEditor *self;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  self = g_object_new (LX_TYPE_HOUSEHOLD_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->household = household != NULL ? g_object_ref (household) : NULL;
  setup_choices (self);
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->head_row));
  return self;
}

static void
lx_household_editor_dispose (GObject *object)
{
  LxHouseholdEditor *self = LX_HOUSEHOLD_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_HOUSEHOLD_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->household);
  g_clear_pointer (&self->buildings, g_ptr_array_unref);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_pointer (&self->need_tags, g_ptr_array_unref);
  g_clear_pointer (&self->need_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (lx_household_editor_parent_class)->dispose (object);
}

static void
lx_household_editor_class_init (LxHouseholdEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lx_household_editor_dispose;

  /**
   * LxHouseholdEditor::saved:
   * @id: the household's id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/lx-household-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, head_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, head_error);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, head_error_label);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, phone_error);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, phone_error_label);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, id_error);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, id_error_label);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, size_spin);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, building_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, entrance_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, entrance_spin);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, floor_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, floor_spin);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, room_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, address_error);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, address_error_label);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, zone_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, needs_group);
  g_type_ensure (LX_TYPE_RESIDENTS_GROUP);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, residents_group);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdEditor, general_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lx_household_editor_init (LxHouseholdEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
