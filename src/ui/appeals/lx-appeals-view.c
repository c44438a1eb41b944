/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-appeals-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-appeal-board.h"
#include "lx-appeal-editor.h"
#include "lx-appeal-form.h"
#include "lx-appeal-list.h"
#include "lx-appeal-repo.h"
#include "lx-appeal-step-dialog.h"
#include "lx-appeals-view.h"
#include "lx-date.h"
#include "lx-repo.h"
#include "lx-ui-util.h"
#include "lx-window.h"

struct _LxAppealsView
{
  GtkWidget           parent_instance;

  LxStore            *store;
  LxAppealList       *list;
  GtkSingleSelection *selection;
  LxAppealFilter      filter;
  GPtrArray          *members;     /* LxMember, index + 1 in the dropdown */
  LxAppeal           *current;
  char               *today;
  GPtrArray          *detail_rows; /* rows added to the facts and history groups */
  LxAppealBoard      *board;

  /* template widgets */
  GtkWidget           *box;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *domain_dropdown;
  GtkDropDown         *concern_dropdown;
  GtkDropDown         *channel_dropdown;
  GtkDropDown         *member_dropdown;
  GtkToggleButton     *overdue_toggle;
  GtkLabel            *count_label;
  AdwViewStack        *view_stack;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  GtkStack            *detail_stack;
  GtkLabel            *detail_who;
  GtkLabel            *detail_description;
  GtkLabel            *detail_status;
  GtkFlowBox          *actions_box;
  AdwPreferencesGroup *facts_group;
  AdwPreferencesGroup *history_group;
};

G_DEFINE_FINAL_TYPE (LxAppealsView, lx_appeals_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_SEARCH, PROP_YEAR, PROP_ADD_LABEL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void show_detail (LxAppealsView *self, gint64 id);

/* Ledger columns -------------------------------------------------------- */

typedef enum
{
  COLUMN_RECEIVED, COLUMN_WHO, COLUMN_DOMAIN, COLUMN_CONCERN, COLUMN_CHANNEL,
  COLUMN_PRIORITY, COLUMN_ASSIGNEE, COLUMN_DEADLINE, COLUMN_STATUS,
} Column;

static const char *
status_css (const char *status)
{
  if (g_strcmp0 (status, "resolved") == 0 || g_strcmp0 (status, "responded") == 0)
    return "status-visited";
  if (g_strcmp0 (status, "escalated") == 0)
    return "status-due";
  return "status-never";
}

static void
set_css (GtkWidget  *widget,
         const char *css)
{
  static const char *classes[] = { "status-visited", "status-due", "status-overdue", "status-never" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  if (css != NULL)
    gtk_widget_add_css_class (widget, css);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  Column column = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_STATUS || column == COLUMN_DEADLINE)
    {
      gtk_widget_add_css_class (label, "status-pill");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_deadline (LxAppealsView *self,
               LxAppeal      *a,
               GtkLabel      *label)
{
  g_autofree char *text = lx_format_date (a->deadline);
  LxAppealDue due = lx_appeal_due (a, self->today);

  gtk_label_set_label (label, text);
  set_css (GTK_WIDGET (label), due == LX_APPEAL_DUE_OVERDUE ? "status-overdue"
                               : due == LX_APPEAL_DUE_SOON ? "status-due" : NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               due == LX_APPEAL_DUE_OVERDUE ? _("Overdue")
                               : due == LX_APPEAL_DUE_SOON ? _("Due within 3 days") : NULL);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  LxAppealsView *self = g_object_get_data (G_OBJECT (factory), "view");
  LxAppeal *a = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *owned = NULL;
  const char *text = NULL;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_RECEIVED: text = owned = lx_format_date (a->received_on); break;
    case COLUMN_WHO: text = lx_appeal_get_who (a); break;
    case COLUMN_DOMAIN: text = lx_appeal_domain_label (a->domain); break;
    case COLUMN_CONCERN: text = lx_appeal_concern_label (a->concern); break;
    case COLUMN_CHANNEL: text = lx_appeal_channel_label (a->channel); break;
    case COLUMN_PRIORITY: text = lx_appeal_priority_label (a->priority); break;
    case COLUMN_ASSIGNEE: text = a->assignee_name; break;
    case COLUMN_DEADLINE:
      bind_deadline (self, a, label);
      return;
    case COLUMN_STATUS:
      gtk_label_set_label (label, lx_appeal_status_label (a->status));
      set_css (GTK_WIDGET (label), status_css (a->status));
      return;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static void
add_column (LxAppealsView *self,
            const char    *title,
            Column         column,
            int            width,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_object_set_data (G_OBJECT (factory), "view", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_append_column (self->column_view, col);
}

static void
setup_columns (LxAppealsView *self)
{
  add_column (self, _("Received"), COLUMN_RECEIVED, 116, FALSE);
  add_column (self, _("Household or Name"), COLUMN_WHO, 64, TRUE);
  add_column (self, _("Domain"), COLUMN_DOMAIN, 56, FALSE);
  add_column (self, _("Concern"), COLUMN_CONCERN, 44, FALSE);
  add_column (self, _("Channel"), COLUMN_CHANNEL, 80, FALSE);
  add_column (self, _("Priority"), COLUMN_PRIORITY, 64, FALSE);
  add_column (self, _("Handled By"), COLUMN_ASSIGNEE, 64, FALSE);
  add_column (self, _("Deadline"), COLUMN_DEADLINE, 120, FALSE);
  add_column (self, _("Status"), COLUMN_STATUS, 84, FALSE);
}

/* Detail pane ------------------------------------------------------------ */

static LxWindow *
get_window (LxAppealsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return LX_IS_WINDOW (root) ? LX_WINDOW (root) : NULL;
}

static void
toast (LxAppealsView *self,
       const char    *message)
{
  LxWindow *window = get_window (self);

  if (window != NULL)
    lx_window_show_toast (window, adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
add_fact (LxAppealsView       *self,
          AdwPreferencesGroup *group,
          const char          *title,
          const char          *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->detail_rows, row);
}

static void
clear_detail (LxAppealsView *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->detail_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->detail_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->detail_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box))) != NULL)
    gtk_flow_box_remove (self->actions_box, child);
}

static void
fill_facts (LxAppealsView *self,
            LxAppeal      *a)
{
  g_autofree char *received = lx_format_date (a->received_on);
  g_autofree char *deadline = lx_format_date (a->deadline);
  g_autofree char *followup = lx_format_date (a->followup_on);
  AdwPreferencesGroup *g = self->facts_group;

  add_fact (self, g, _("Received"), received);
  add_fact (self, g, _("Channel"), lx_appeal_channel_label (a->channel));
  add_fact (self, g, _("Domain"), lx_appeal_domain_label (a->domain));
  add_fact (self, g, _("Concern"), lx_appeal_concern_label (a->concern));
  add_fact (self, g, _("Priority"), lx_appeal_priority_label (a->priority));
  add_fact (self, g, _("Handled By"), a->assignee_name);
  add_fact (self, g, _("Deadline"), deadline);
  add_fact (self, g, _("Mechanism"), lx_appeal_mechanism_label (a->mechanism));
  add_fact (self, g, _("Resolution Level"), lx_appeal_level_label (a->resolution_level));
  add_fact (self, g, _("Resolution"), a->resolution);
  add_fact (self, g, _("Answer of the Superior Organization"), a->superior_answer);
  add_fact (self, g, _("Follow-up Call On"), followup);
  add_fact (self, g, _("Satisfaction"), lx_appeal_satisfaction_label (a->satisfaction));
}

static void
fill_history (LxAppealsView *self,
              LxAppeal      *a)
{
  g_autoptr(GPtrArray) steps = lx_appeal_repo_list_steps (self->store, a->id, NULL);

  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      LxAppealStep *s = g_ptr_array_index (steps, i);
      g_autofree char *date = lx_format_date (s->at);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (s->from_status == NULL || g_strcmp0 (s->from_status, s->to_status) == 0)
        title = g_strdup_printf ("%s · %s", date, lx_appeal_status_label (s->to_status));
      else
        title = g_strdup_printf ("%s · %s → %s", date, lx_appeal_status_label (s->from_status),
                                 lx_appeal_status_label (s->to_status));
      subtitle = g_strjoin (" — ", s->member_name ? s->member_name : "", s->note ? s->note : "", NULL);
      g_strstrip (subtitle);
      add_fact (self, self->history_group, title, *subtitle ? subtitle : " ");
    }
}

static void
on_action_clicked (GtkButton     *button,
                   LxAppealsView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "appeals.step", "s",
                              g_object_get_data (G_OBJECT (button), "kind"));
}

static void
add_action_button (LxAppealsView *self,
                   const char    *kind,
                   const char    *label)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  g_object_set_data (G_OBJECT (button), "kind", (gpointer)kind);
  g_signal_connect (button, "clicked", G_CALLBACK (on_action_clicked), self);
  gtk_flow_box_append (self->actions_box, button);
}

/* Only the steps valid for the status are offered. */
static void
fill_actions (LxAppealsView *self,
              LxAppeal      *a)
{
  g_auto(GStrv) next = lx_appeal_next_statuses (a->status);
  gboolean handling = g_str_equal (a->status, "received") || g_str_equal (a->status, "in_progress") ||
                      g_str_equal (a->status, "escalated");

  if (handling)
    add_action_button (self, "assign", a->assignee_id > 0 ? _("Reassign…") : _("Assign…"));
  if (g_strv_contains ((const char * const *)next, "in_progress") && a->assignee_id > 0)
    add_action_button (self, "in_progress", _("Start Work"));
  if (g_strv_contains ((const char * const *)next, "resolved"))
    add_action_button (self, "resolved", _("Resolve…"));
  if (g_strv_contains ((const char * const *)next, "responded"))
    add_action_button (self, "responded", _("Respond…"));
  if (g_strv_contains ((const char * const *)next, "escalated"))
    add_action_button (self, "escalated", _("Escalate…"));
  if (g_str_equal (a->status, "escalated"))
    add_action_button (self, "answer", _("Record Superior Answer…"));
  if (g_strv_contains ((const char * const *)next, "closed") &&
      (!g_str_equal (a->status, "escalated") || a->superior_answer != NULL))
    add_action_button (self, "closed", _("Close with Follow-up…"));
}

static void
show_detail (LxAppealsView *self,
             gint64         id)
{
  g_autoptr(LxAppeal) a = id > 0 ? lx_appeal_repo_get (self->store, id, NULL) : NULL;

  clear_detail (self);
  g_set_object (&self->current, a);
  lx_appeal_board_select (self->board, a != NULL ? a->id : 0);
  if (a == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  gtk_label_set_label (self->detail_who, lx_appeal_get_who (a));
  gtk_label_set_label (self->detail_description, a->description);
  gtk_label_set_label (self->detail_status, lx_appeal_status_label (a->status));
  set_css (GTK_WIDGET (self->detail_status), status_css (a->status));
  fill_actions (self, a);
  fill_facts (self, a);
  fill_history (self, a);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
on_selection_changed (LxAppealsView *self)
{
  LxAppeal *a = gtk_single_selection_get_selected_item (self->selection);

  /* A reload of the list drops the selection before on_items_changed can
   * select the same appeal again: keep the appeal in hand on screen rather
   * than flash the empty page (and lose its actions). */
  if (a == NULL && self->current != NULL)
    return;
  show_detail (self, a != NULL ? a->id : 0);
}

static void
select_appeal (LxAppealsView *self,
               gint64         id)
{
  guint pos = lx_appeal_list_find (self->list, id);

  if (pos == G_MAXUINT)
    {
      show_detail (self, id);
      return;
    }
  gtk_single_selection_set_selected (self->selection, pos);
  show_detail (self, id);
}

static void
on_items_changed (LxAppealsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u appeal", "%u appeals", n), n);
  gint64 current = self->current != NULL ? self->current->id : 0;

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  adw_status_page_set_description (self->empty_page, _("Record an appeal with the Add button, "
                                                       "or try fewer filters"));
  /* A reload replaces every row: keep the appeal in hand on screen. */
  if (current > 0)
    select_appeal (self, current);
}

/* Steps ------------------------------------------------------------------ */

static void
on_step_done (LxAppealsView *self)
{
  if (self->current != NULL)
    show_detail (self, self->current->id);
}

/* Opens the window a step needs, or takes a step that needs nothing. */
static void
take_step (LxAppealsView *self,
           LxAppeal      *a,
           const char    *kind)
{
  g_autoptr(GError) error = NULL;
  LxAppealStepDialog *dialog;

  if (!g_str_equal (kind, "assign") && !g_str_equal (kind, "answer") &&
      !lx_appeal_transition_allowed (a->status, kind, &error))
    {
      toast (self, error->message);
      return;
    }
  if (g_str_equal (kind, "in_progress"))
    {
      if (!lx_appeal_repo_transition (self->store, a->id, kind, NULL, NULL, &error))
        toast (self, error->message);
      return;
    }
  if (g_str_equal (kind, "closed") && g_str_equal (a->status, "escalated") && a->superior_answer == NULL)
    {
      toast (self, _("An escalated appeal can close only after the superior's answer is recorded"));
      return;
    }
  dialog = lx_appeal_step_dialog_new (self->store, a, kind);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (get_window (self)));
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_step_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LxAppealsView *self = LX_APPEALS_VIEW (widget);

  if (self->current != NULL)
    take_step (self, self->current, g_variant_get_string (param, NULL));
}

static void
on_board_move (LxAppealsView *self,
               gint64         id,
               const char    *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxAppeal) a = lx_appeal_repo_get (self->store, id, &error);

  if (a == NULL)
    {
      toast (self, error->message);
      return;
    }
  if (g_strcmp0 (a->status, status) == 0)
    return;
  select_appeal (self, id);
  take_step (self, a, status);
}

static void
on_board_selected (LxAppealsView *self,
                   gint64         id)
{
  select_appeal (self, id);
}

/* Filters ---------------------------------------------------------------- */

static const char *
code_at (GtkDropDown        *dropdown,
         const char * const *codes)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i == GTK_INVALID_LIST_POSITION || i == 0 ? NULL : codes[i - 1];
}

static void
on_filter_changed (LxAppealsView *self)
{
  guint member = gtk_drop_down_get_selected (self->member_dropdown);

  g_free (self->filter.status);
  self->filter.status = g_strdup (code_at (self->status_dropdown, lx_appeal_statuses ()));
  g_free (self->filter.domain);
  self->filter.domain = g_strdup (code_at (self->domain_dropdown, lx_appeal_domains ()));
  g_free (self->filter.concern);
  self->filter.concern = g_strdup (code_at (self->concern_dropdown, lx_appeal_concerns ()));
  g_free (self->filter.channel);
  self->filter.channel = g_strdup (code_at (self->channel_dropdown, lx_appeal_channels ()));
  self->filter.member_id = member > 0 && member != GTK_INVALID_LIST_POSITION && member <= self->members->len
    ? ((LxMember *)g_ptr_array_index (self->members, member - 1))->id : 0;
  self->filter.overdue = gtk_toggle_button_get_active (self->overdue_toggle);
  lx_appeal_list_set_filter (self->list, &self->filter);
}

static void
fill_dropdown (LxAppealsView      *self,
               GtkDropDown        *dropdown,
               const char         *all,
               const char * const *codes,
               LxLabelFunc         label)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);

  gtk_string_list_append (items, all);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (items, label (codes[i]));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (items));
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
}

static void
setup_filters (LxAppealsView *self)
{
  g_autoptr(GtkStringList) members = gtk_string_list_new (NULL);

  fill_dropdown (self, self->status_dropdown, _("All Statuses"), lx_appeal_statuses (),
                 lx_appeal_status_label);
  fill_dropdown (self, self->domain_dropdown, _("All Domains"), lx_appeal_domains (),
                 lx_appeal_domain_label);
  fill_dropdown (self, self->concern_dropdown, _("All Concerns"), lx_appeal_concerns (),
                 lx_appeal_concern_label);
  fill_dropdown (self, self->channel_dropdown, _("All Channels"), lx_appeal_channels (),
                 lx_appeal_channel_label);

  self->members = lx_repo_list_members (self->store, 0, NULL);
  if (self->members == NULL)
    self->members = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_string_list_append (members, _("All Members"));
  for (guint i = 0; i < self->members->len; i++)
    gtk_string_list_append (members, ((LxMember *)g_ptr_array_index (self->members, i))->name);
  gtk_drop_down_set_model (self->member_dropdown, G_LIST_MODEL (members));
  g_signal_connect_swapped (self->member_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->overdue_toggle, "toggled", G_CALLBACK (on_filter_changed), self);
}

/* Intake ----------------------------------------------------------------- */

static void
on_editor_saved (LxAppealsView *self,
                 gint64         id)
{
  toast (self, _("Recorded the appeal"));
  select_appeal (self, id);
}

void
lx_appeals_view_add (LxAppealsView *self)
{
  LxAppealEditor *editor;

  g_return_if_fail (LX_IS_APPEALS_VIEW (self));

  editor = lx_appeal_editor_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (get_window (self)));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  lx_appeals_view_add (LX_APPEALS_VIEW (widget));
}

/* Properties and class --------------------------------------------------- */

static void
set_search (LxAppealsView *self,
            const char    *search)
{
  if (g_strcmp0 (self->filter.search, search) == 0)
    return;
  g_free (self->filter.search);
  self->filter.search = g_strdup (search);
  lx_appeal_list_set_filter (self->list, &self->filter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

static void
set_year (LxAppealsView *self,
          int            year)
{
  if (self->filter.year == year)
    return;
  self->filter.year = year;
  lx_appeal_list_set_filter (self->list, &self->filter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

LxAppealsView *
lx_appeals_view_new (LxStore *store)
{
  return g_object_new (LX_TYPE_APPEALS_VIEW, "store", store, NULL);
}

static void
lx_appeals_view_constructed (GObject *object)
{
  LxAppealsView *self = LX_APPEALS_VIEW (object);
  AdwViewStackPage *page;

  G_OBJECT_CLASS (lx_appeals_view_parent_class)->constructed (object);

  self->filter.year = lx_date_current_year ();
  self->list = lx_appeal_list_new (self->store);
  lx_appeal_list_set_filter (self->list, &self->filter);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (on_items_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->board = LX_APPEAL_BOARD (lx_appeal_board_new (G_LIST_MODEL (self->list)));
  g_signal_connect_swapped (self->board, "move", G_CALLBACK (on_board_move), self);
  g_signal_connect_swapped (self->board, "selected", G_CALLBACK (on_board_selected), self);
  page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->board), "board", _("Board"));
  adw_view_stack_page_set_icon_name (page, "view-grid-symbolic");

  setup_columns (self);
  setup_filters (self);
  on_items_changed (self);
  show_detail (self, 0);
}

static void
lx_appeals_view_dispose (GObject *object)
{
  LxAppealsView *self = LX_APPEALS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_APPEALS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->current);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lx_appeals_view_parent_class)->dispose (object);
}

static void
lx_appeals_view_finalize (GObject *object)
{
  LxAppealsView *self = LX_APPEALS_VIEW (object);

  lx_appeal_filter_clear (&self->filter);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (lx_appeals_view_parent_class)->finalize (object);
}

static void
lx_appeals_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LxAppealsView *self = LX_APPEALS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->filter.search);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->filter.year);
      break;
    case PROP_ADD_LABEL:
      g_value_set_string (value, _("Record an appeal"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_appeals_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LxAppealsView *self = LX_APPEALS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH:
      set_search (self, g_value_get_string (value));
      break;
    case PROP_YEAR:
      set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The board marks the card in hand; no shared style sheet has that yet. */
static void
install_css (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done || gdk_display_get_default () == NULL)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   ".selected-card { outline: 2px solid @accent_color; "
                                   "outline-offset: -2px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
lx_appeals_view_class_init (LxAppealsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lx_appeals_view_constructed;
  object_class->dispose = lx_appeals_view_dispose;
  object_class->finalize = lx_appeals_view_finalize;
  object_class->get_property = lx_appeals_view_get_property;
  object_class->set_property = lx_appeals_view_set_property;

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
    g_param_spec_string ("add-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/lx-appeals-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, box);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, domain_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, concern_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, member_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, detail_who);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, detail_description);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, detail_status);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, facts_group);
  gtk_widget_class_bind_template_child (widget_class, LxAppealsView, history_group);

  gtk_widget_class_install_action (widget_class, "view.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "appeals.step", "s", step_action);
}

static void
lx_appeals_view_init (LxAppealsView *self)
{
  install_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->today = lx_date_today ();
  self->detail_rows = g_ptr_array_new ();
}
