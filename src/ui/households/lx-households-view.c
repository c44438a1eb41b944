/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-households-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-household-editor.h"
#include "lx-household-list.h"
#include "lx-households-view.h"
#include "lx-appeal.h"
#include "lx-appeal-repo.h"
#include "lx-pairing.h"
#include "lx-repo.h"
#include "lx-ui-util.h"
#include "lx-validate.h"
#include "lx-visit-repo.h"
#include "visits/lx-visit-editor.h"
#include "lx-window.h"

struct _LxHouseholdsView
{
  GtkWidget           parent_instance;

  LxStore            *store;
  LxHouseholdList    *list;
  GtkSingleSelection *selection;
  LxHouseholdFilter   filter;
  GPtrArray          *zones;      /* LxZone, index + 1 in the dropdown */
  GPtrArray          *need_tags;  /* LxNeedTag, index + 2 in the dropdown */
  LxHousehold        *current;
  char               *today;
  int                 year;

  /* template widgets */
  GtkWidget          *box;
  GtkDropDown        *zone_dropdown;
  GtkDropDown        *need_dropdown;
  GtkDropDown        *status_dropdown;
  GtkLabel           *coverage_label;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  GtkStack           *detail_stack;
  GtkLabel           *detail_name;
  GtkLabel           *detail_address;
  GtkLabel           *detail_status;
  AdwActionRow       *phone_row;
  AdwActionRow       *id_row;
  GtkToggleButton    *reveal_id_button;
  AdwActionRow       *size_row;
  AdwActionRow       *zone_row;
  AdwActionRow       *needs_row;
  AdwActionRow       *notes_row;
  AdwActionRow       *rule_row;
  AdwActionRow       *last_visit_row;
  AdwActionRow       *paired_row;       /* 结对 (issue 7) */
  AdwPreferencesGroup *timeline_group;
  GPtrArray          *timeline_rows;   /* rows shown in timeline_group */
  AdwPreferencesGroup *appeals_group;
  GPtrArray          *appeal_rows;     /* rows shown in appeals_group */
};

G_DEFINE_FINAL_TYPE (LxHouseholdsView, lx_households_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_SEARCH, PROP_YEAR, PROP_ADD_LABEL, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Column cells ---------------------------------------------------------- */

typedef enum
{
  COLUMN_HEAD,
  COLUMN_ADDRESS,
  COLUMN_NEEDS,
  COLUMN_SIZE,
  COLUMN_LAST_VISIT,
  COLUMN_STATUS,
} Column;

static void
setup_label_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (user_data) == COLUMN_STATUS)
    {
      gtk_widget_add_css_class (label, "status-pill");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
    }
  if (GPOINTER_TO_INT (user_data) == COLUMN_SIZE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  LxHouseholdsView *self = g_object_get_data (G_OBJECT (factory), "view");
  LxHousehold *h = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_HEAD:
      gtk_label_set_label (label, h->head_name);
      if (h->needy)
        gtk_widget_add_css_class (GTK_WIDGET (label), "needy");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "needy");
      return;
    case COLUMN_ADDRESS:
      text = lx_household_dup_address (h);
      break;
    case COLUMN_NEEDS:
      text = g_strdup (h->need_labels);
      break;
    case COLUMN_SIZE:
      text = g_strdup_printf ("%d", h->size);
      break;
    case COLUMN_LAST_VISIT:
      text = lx_format_date (h->last_visit_on);
      break;
    case COLUMN_STATUS:
      lx_label_set_status (label, lx_household_visit_status (h, self->today));
      return;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static void
add_column (LxHouseholdsView *self,
            const char       *title,
            Column            column,
            int               fixed_width,
            gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "view", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cell), GINT_TO_POINTER (column));

  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (col, fixed_width);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

static void
setup_columns (LxHouseholdsView *self)
{
  add_column (self, _("Head of Household"), COLUMN_HEAD, 96, FALSE);
  add_column (self, _("Address"), COLUMN_ADDRESS, -1, TRUE);
  add_column (self, _("Needs"), COLUMN_NEEDS, 110, FALSE);
  add_column (self, _("Size"), COLUMN_SIZE, 48, FALSE);
  add_column (self, _("Last Visit"), COLUMN_LAST_VISIT, 116, FALSE);
  add_column (self, _("Status"), COLUMN_STATUS, 96, FALSE);
}

/* Figures --------------------------------------------------------------- */

static void
update_coverage (LxHouseholdsView *self)
{
  g_autofree char *from = g_strdup_printf ("%04d-01-01", self->year);
  g_autofree char *to = g_strdup_printf ("%04d-01-01", self->year + 1);
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gint64 total, visited = 0;

  total = lx_repo_count_households (self->store, NULL);
  stmt = lx_store_prepare (self->store,
                           "SELECT count(DISTINCT vh.household_id) FROM visit v "
                           "JOIN visit_household vh ON vh.visit_id = v.id "
                           "JOIN household h ON h.id = vh.household_id "
                           "WHERE v.kind = 'home' AND v.happened_at >= ? AND v.happened_at < ? "
                           "AND h.deleted_at IS NULL",
                           NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        visited = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  /* Translators: coverage of home visits in a year, "2026年已走访 612 / 842 户（72.7%）" */
  text = g_strdup_printf (_("Visited in %d: %d of %d (%.1f%%)"),
                          self->year, (int)visited, (int)total,
                          total > 0 ? 100.0 * visited / total : 0.0);
  gtk_label_set_label (self->coverage_label, text);
}

static void
update_count (LxHouseholdsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u household",
                                                        "%u households", n), n);
  gboolean filtered = (self->filter.search != NULL && *self->filter.search != '\0') ||
                      self->filter.zone_id > 0 || self->filter.need_tag != NULL ||
                      self->filter.status != LX_VISIT_STATUS_ANY;

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  adw_status_page_set_description (self->empty_page,
                                   filtered ? _("Try another search or fewer filters")
                                            : _("Add the first household with the Add button"));
}

static void
on_items_changed (LxHouseholdsView *self)
{
  update_count (self);
  update_coverage (self);
}

/* Detail pane ----------------------------------------------------------- */

static void
set_row_text (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : "—");
}

static void
update_id_row (LxHouseholdsView *self)
{
  g_autofree char *masked = NULL;
  const char *id = self->current ? self->current->id_number : NULL;

  if (id == NULL)
    {
      set_row_text (self->id_row, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->reveal_id_button), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_id_button), TRUE);
  if (gtk_toggle_button_get_active (self->reveal_id_button))
    set_row_text (self->id_row, id);
  else
    {
      masked = lx_mask_id_number (id);
      set_row_text (self->id_row, masked);
    }
}

static void
on_reveal_id_toggled (LxHouseholdsView *self)
{
  update_id_row (self);
}

/* The household's last visits, newest first (issue 4). */
static void
update_timeline (LxHouseholdsView *self,
                 LxHousehold      *h)
{
  g_autoptr(GPtrArray) visits = NULL;

  for (guint i = 0; i < self->timeline_rows->len; i++)
    adw_preferences_group_remove (self->timeline_group, g_ptr_array_index (self->timeline_rows, i));
  g_ptr_array_set_size (self->timeline_rows, 0);
  visits = h != NULL ? lx_visit_repo_list_for_household (self->store, h->id, 10, NULL) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_group), visits != NULL && visits->len > 0);
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      LxVisit *v = g_ptr_array_index (visits, i);
      g_autofree char *date = lx_format_date (v->happened_at);
      g_autofree char *title = g_strdup_printf ("%s%s · %s · %s", date,
                                                strlen (v->happened_at) > 10 ? v->happened_at + 10 : "",
                                                lx_visit_kind_label (v->kind),
                                                v->member_names ? v->member_names : "—");
      GtkWidget *row = adw_action_row_new ();

      g_strdelimit (title, "T", ' ');
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), v->notes ? v->notes : "");
      adw_preferences_group_add (self->timeline_group, row);
      g_ptr_array_add (self->timeline_rows, row);
    }
}

/* The household's appeals and where each stands (issue 6). */
static void
update_appeals (LxHouseholdsView *self,
                LxHousehold      *h)
{
  g_autoptr(GPtrArray) appeals = NULL;

  for (guint i = 0; i < self->appeal_rows->len; i++)
    adw_preferences_group_remove (self->appeals_group, g_ptr_array_index (self->appeal_rows, i));
  g_ptr_array_set_size (self->appeal_rows, 0);
  appeals = h != NULL ? lx_appeal_repo_list_for_household (self->store, h->id, NULL) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->appeals_group), appeals != NULL && appeals->len > 0);
  for (guint i = 0; appeals != NULL && i < appeals->len; i++)
    {
      LxAppeal *a = g_ptr_array_index (appeals, i);
      g_autofree char *date = lx_format_date (a->received_on);
      g_autofree char *title = g_strdup_printf ("%s · %s", date, lx_appeal_status_label (a->status));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), a->description);
      adw_preferences_group_add (self->appeals_group, row);
      g_ptr_array_add (self->appeal_rows, row);
    }
}

static void
show_detail (LxHouseholdsView *self,
             LxHousehold      *h)
{
  g_autofree char *address = NULL;
  g_autofree char *size = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *last = NULL;

  g_set_object (&self->current, h);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "households.edit", h != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "households.delete", h != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "households.log-visit", h != NULL);
  update_timeline (self, h);
  update_appeals (self, h);
  if (h == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  address = lx_household_dup_address (h);
  gtk_label_set_label (self->detail_name, h->head_name);
  gtk_label_set_label (self->detail_address, address);
  lx_label_set_status (self->detail_status, lx_household_visit_status (h, self->today));

  set_row_text (self->phone_row, h->phone);
  gtk_toggle_button_set_active (self->reveal_id_button, FALSE);
  update_id_row (self);
  size = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person", "%d people", h->size), h->size);
  set_row_text (self->size_row, size);
  set_row_text (self->zone_row, h->zone_name);
  set_row_text (self->needs_row, h->need_labels);
  set_row_text (self->notes_row, h->notes);
  rule = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At least once every %d day",
                                       "At least once every %d days", h->rule_days), h->rule_days);
  set_row_text (self->rule_row, rule);
  if (h->last_visit_on != NULL)
    {
      g_autofree char *date = lx_format_date (h->last_visit_on);
      int days = lx_date_days_between (h->last_visit_on, self->today);
      last = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d day ago)", "%s (%d days ago)",
                                           days), date, days);
    }
  else
    last = g_strdup (_("Never visited"));
  set_row_text (self->last_visit_row, last);
  {
    g_autofree char *paired = lx_pairing_describe (self->store, h->id);
    set_row_text (self->paired_row, paired != NULL ? paired : _("Not paired"));
  }

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
on_selection_changed (LxHouseholdsView *self)
{
  g_autoptr(LxHousehold) h = gtk_single_selection_get_selected_item (self->selection);

  /* get_selected_item is transfer none */
  if (h != NULL)
    g_object_ref (h);
  show_detail (self, h);
}

/* Filters --------------------------------------------------------------- */

static void
apply_filter (LxHouseholdsView *self)
{
  g_autoptr(GError) error = NULL;

  lx_household_list_set_filter (self->list, &self->filter);
  on_selection_changed (self);
}

static void
on_filter_changed (LxHouseholdsView *self)
{
  guint zone = gtk_drop_down_get_selected (self->zone_dropdown);
  guint need = gtk_drop_down_get_selected (self->need_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  self->filter.zone_id = zone > 0 && zone <= self->zones->len
    ? ((LxZone *)g_ptr_array_index (self->zones, zone - 1))->id : 0;

  g_clear_pointer (&self->filter.need_tag, g_free);
  if (need == 1)
    self->filter.need_tag = g_strdup ("*");
  else if (need >= 2 && need - 2 < self->need_tags->len)
    self->filter.need_tag = g_strdup (((LxNeedTag *)g_ptr_array_index (self->need_tags, need - 2))->code);

  self->filter.status = status != GTK_INVALID_LIST_POSITION ? (LxVisitStatus)status : 0;
  apply_filter (self);
}

static void
setup_filters (LxHouseholdsView *self)
{
  g_autoptr(GtkStringList) zones = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) needs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->zones = lx_repo_list_zones (self->store, NULL);
  if (self->zones == NULL)
    self->zones = g_ptr_array_new_with_free_func (g_object_unref);
  self->need_tags = lx_repo_list_need_tags (self->store, NULL);
  if (self->need_tags == NULL)
    self->need_tags = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_string_list_append (zones, _("All Zones"));
  for (guint i = 0; i < self->zones->len; i++)
    gtk_string_list_append (zones, ((LxZone *)g_ptr_array_index (self->zones, i))->name);

  gtk_string_list_append (needs, _("All Households"));
  gtk_string_list_append (needs, _("Needy Households"));
  for (guint i = 0; i < self->need_tags->len; i++)
    gtk_string_list_append (needs,
                            lx_need_tag_label (((LxNeedTag *)g_ptr_array_index (self->need_tags, i))->code));

  /* In the order of LxVisitStatus. */
  gtk_string_list_append (statuses, _("Any Visit Status"));
  for (int s = LX_VISIT_STATUS_VISITED; s <= LX_VISIT_STATUS_NEVER; s++)
    gtk_string_list_append (statuses, lx_visit_status_label (s));

  gtk_drop_down_set_model (self->zone_dropdown, G_LIST_MODEL (zones));
  gtk_drop_down_set_model (self->need_dropdown, G_LIST_MODEL (needs));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  g_signal_connect_swapped (self->zone_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->need_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
}

/* Actions --------------------------------------------------------------- */

static LxWindow *
get_window (LxHouseholdsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return LX_IS_WINDOW (root) ? LX_WINDOW (root) : NULL;
}

static void
select_household (LxHouseholdsView *self,
                  gint64            id)
{
  guint pos = lx_household_list_find (self->list, id);

  if (pos == G_MAXUINT)
    return;
  gtk_single_selection_set_selected (self->selection, pos);
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", pos);
}

static void
on_editor_saved (LxHouseholdsView  *self,
                 gint64             id,
                 LxHouseholdEditor *editor)
{
  LxWindow *window = get_window (self);
  g_autoptr(LxHousehold) h = lx_repo_get_household (self->store, id, NULL);

  select_household (self, id);
  if (window != NULL && h != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Saved the household of %s"), h->head_name);
      lx_window_show_toast (window, adw_toast_new (title));
    }
}

static void
open_editor (LxHouseholdsView *self,
             LxHousehold      *h)
{
  LxHouseholdEditor *editor = lx_household_editor_new (self->store, h);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (get_window (self)));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

void
lx_households_view_add (LxHouseholdsView *self)
{
  g_return_if_fail (LX_IS_HOUSEHOLDS_VIEW (self));
  open_editor (self, NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  lx_households_view_add (LX_HOUSEHOLDS_VIEW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LxHouseholdsView *self = LX_HOUSEHOLDS_VIEW (widget);

  if (self->current != NULL)
    open_editor (self, self->current);
}

static void
on_row_activated (LxHouseholdsView *self,
                  guint             position)
{
  g_autoptr(LxHousehold) h = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (h != NULL)
    open_editor (self, h);
}

static void
log_visit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LxHouseholdsView *self = LX_HOUSEHOLDS_VIEW (widget);

  if (self->current != NULL)
    lx_visit_editor_present (widget, self->store, self->current->id);
}

/* A visit changes the household's last visit: the list reloads (and drops
 * its selection), so the household shown is selected and read again. */
static void
on_visits_changed (LxHouseholdsView *self)
{
  gint64 id = self->current != NULL ? self->current->id : 0;
  g_autoptr(LxHousehold) h = id > 0 ? lx_repo_get_household (self->store, id, NULL) : NULL;

  if (h == NULL)
    return;
  select_household (self, id);
  show_detail (self, h);
}

typedef struct
{
  LxStore *store;
  gint64   id;
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  g_object_unref (undo->store);
  g_free (undo);
}

static void
on_undo_delete (AdwToast *toast,
                UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  if (!lx_repo_restore_household (undo->store, undo->id, &error))
    g_warning ("Cannot undo the deletion: %s", error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LxHouseholdsView *self = LX_HOUSEHOLDS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LxHousehold) h = NULL;
  g_autofree char *title = NULL;
  LxWindow *window = get_window (self);
  UndoData *undo;
  AdwToast *toast;

  if (self->current == NULL)
    return;
  h = g_object_ref (self->current);

  if (!lx_repo_delete_household (self->store, h->id, &error))
    {
      if (window != NULL)
        lx_window_show_toast (window, adw_toast_new (error->message));
      return;
    }

  if (window == NULL)
    return;
  title = g_strdup_printf (_("Deleted the household of %s"), h->head_name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  undo = g_new0 (UndoData, 1);
  undo->store = g_object_ref (self->store);
  undo->id = h->id;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete), undo,
                         (GClosureNotify)(void (*) (void))undo_data_free, 0);
  lx_window_show_toast (window, toast);
}

/* Public ---------------------------------------------------------------- */

void
lx_households_view_set_search (LxHouseholdsView *self,
                               const char       *search)
{
  g_return_if_fail (LX_IS_HOUSEHOLDS_VIEW (self));

  if (g_strcmp0 (self->filter.search, search) == 0)
    return;
  g_free (self->filter.search);
  self->filter.search = g_strdup (search);
  apply_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

void
lx_households_view_set_year (LxHouseholdsView *self,
                             int               year)
{
  g_return_if_fail (LX_IS_HOUSEHOLDS_VIEW (self));

  if (self->year == year)
    return;
  self->year = year;
  update_coverage (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/* Shows the households of one visit status, other filters cleared: where
 * the overview's "needs attention" items lead. */
void
lx_households_view_show_status (LxHouseholdsView *self,
                                LxVisitStatus     status)
{
  g_return_if_fail (LX_IS_HOUSEHOLDS_VIEW (self));

  gtk_drop_down_set_selected (self->zone_dropdown, 0);
  gtk_drop_down_set_selected (self->need_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, (guint)status);
  on_filter_changed (self);
}

/* Selects one household, filters cleared so that it is listed: where the
 * contact map's "open" leads. */
void
lx_households_view_show_household (LxHouseholdsView *self,
                                   gint64            id)
{
  g_return_if_fail (LX_IS_HOUSEHOLDS_VIEW (self));

  lx_households_view_show_status (self, LX_VISIT_STATUS_ANY);
  if (lx_household_list_find (self->list, id) == G_MAXUINT)
    lx_households_view_set_search (self, NULL);
  select_household (self, id);
}

LxHouseholdsView *
lx_households_view_new (LxStore *store)
{
  return g_object_new (LX_TYPE_HOUSEHOLDS_VIEW, "store", store, NULL);
}

static void
lx_households_view_constructed (GObject *object)
{
  LxHouseholdsView *self = LX_HOUSEHOLDS_VIEW (object);

  G_OBJECT_CLASS (lx_households_view_parent_class)->constructed (object);

  self->list = lx_household_list_new (self->store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (on_items_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->store, "changed::visit", G_CALLBACK (on_visits_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::appeal", G_CALLBACK (on_visits_changed), self,
                           G_CONNECT_SWAPPED);
  setup_columns (self);
  setup_filters (self);
  update_count (self);
  show_detail (self, NULL);
}

static void
lx_households_view_dispose (GObject *object)
{
  LxHouseholdsView *self = LX_HOUSEHOLDS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_HOUSEHOLDS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->current);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lx_households_view_parent_class)->dispose (object);
}

static void
lx_households_view_finalize (GObject *object)
{
  LxHouseholdsView *self = LX_HOUSEHOLDS_VIEW (object);

  lx_household_filter_clear (&self->filter);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_pointer (&self->need_tags, g_ptr_array_unref);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->timeline_rows, g_ptr_array_unref);
  g_clear_pointer (&self->appeal_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lx_households_view_parent_class)->finalize (object);
}

static void
lx_households_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LxHouseholdsView *self = LX_HOUSEHOLDS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->filter.search);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_ADD_LABEL:
      g_value_set_string (value, _("Add a household"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_households_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LxHouseholdsView *self = LX_HOUSEHOLDS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH:
      lx_households_view_set_search (self, g_value_get_string (value));
      break;
    case PROP_YEAR:
      lx_households_view_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_households_view_class_init (LxHouseholdsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lx_households_view_constructed;
  object_class->dispose = lx_households_view_dispose;
  object_class->finalize = lx_households_view_finalize;
  object_class->get_property = lx_households_view_get_property;
  object_class->set_property = lx_households_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LX_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADD_LABEL] =
    g_param_spec_string ("add-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/lx-households-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, box);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, zone_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, need_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, detail_name);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, detail_address);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, detail_status);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, id_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, reveal_id_button);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, size_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, zone_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, needs_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, notes_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, rule_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, last_visit_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, paired_row);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, LxHouseholdsView, appeals_group);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_id_toggled);

  gtk_widget_class_install_action (widget_class, "view.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "households.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "households.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "households.log-visit", NULL, log_visit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "households.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "households.edit", NULL);
}

static void
lx_households_view_init (LxHouseholdsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->today = lx_date_today ();
  self->year = lx_date_current_year ();
  self->timeline_rows = g_ptr_array_new ();
  self->appeal_rows = g_ptr_array_new ();
}
