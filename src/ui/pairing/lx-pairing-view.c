/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-pairing-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-pairing-board.h"
#include "lx-pairing-view.h"
#include "lx-repo.h"
#include "lx-window.h"

/* Beyond this many cards the needy column says how many more there are:
 * a search narrows it down. */
#define MAX_UNPAIRED_CARDS 200

struct _LxPairingView
{
  GtkWidget      parent_instance;

  LxStore       *store;
  char          *search;
  int            year;
  char          *today;
  GListStore    *columns;        /* LxPairingColumn shown */
  GPtrArray     *members;        /* LxPairingQuota of everyone, for the popover */
  GPtrArray     *orgs;           /* LxOrganization, index + 1 in the dropdown */
  GtkWidget     *popover;
  guint          reload_id;
  gint64         scroll_to;      /* member whose column to show after a reload */
  gint64         focus_card;     /* household whose card takes the focus then */
  guint          focus_id;

  /* template widgets */
  GtkWidget     *box;
  GtkDropDown   *branch_dropdown;
  GtkSwitch     *short_switch;
  GtkLabel      *summary_label;
  GtkWidget     *unpaired_column;
  GtkLabel      *unpaired_count;
  GtkWidget     *unpaired_list;
  GtkStack      *board_stack;
  GtkListView   *member_view;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (LxPairingView, lx_pairing_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_SEARCH, PROP_YEAR, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void apply_change (LxPairingView *self,
                          gint64         household_id,
                          gint64         member_id);

/* Loading ---------------------------------------------------------------- */

static gint64
selected_org (LxPairingView *self)
{
  guint pos = gtk_drop_down_get_selected (self->branch_dropdown);

  if (self->orgs == NULL || pos == 0 || pos == GTK_INVALID_LIST_POSITION || pos > self->orgs->len)
    return 0;
  return ((LxOrganization *)g_ptr_array_index (self->orgs, pos - 1))->id;
}

static gboolean
searching (LxPairingView *self)
{
  return self->search != NULL && *self->search != '\0';
}

/* The members' columns with their cards, filtered: short of quota only, and
 * while searching only those with a card that matches. */
static GPtrArray *
load_columns (LxPairingView  *self,
              GError        **error)
{
  g_autoptr(GPtrArray) quotas = lx_pairing_list_quotas (self->store, selected_org (self), error);
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GHashTable) by_member = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean short_only = gtk_switch_get_active (self->short_switch);

  if (quotas == NULL ||
      !(cards = lx_pairing_list_paired (self->store, self->year, self->today, self->search, error)))
    return NULL;
  for (guint i = 0; i < quotas->len; i++)
    {
      LxPairingColumn *column = lx_pairing_column_new (g_steal_pointer (&quotas->pdata[i]));

      g_ptr_array_add (columns, column);
      g_hash_table_insert (by_member, &column->quota->member_id, column);
    }
  for (guint i = 0; i < cards->len; i++)
    {
      LxPairingCard *card = g_ptr_array_index (cards, i);
      LxPairingColumn *column = g_hash_table_lookup (by_member, &card->member_id);

      if (column != NULL)
        g_ptr_array_add (column->cards, g_steal_pointer (&cards->pdata[i]));
    }
  for (guint i = columns->len; i > 0; i--)
    {
      LxPairingColumn *column = g_ptr_array_index (columns, i - 1);

      if ((short_only && column->quota->met && !column->quota->inactive) ||
          (searching (self) && column->cards->len == 0))
        g_ptr_array_remove_index (columns, i - 1);
    }
  return g_steal_pointer (&columns);
}

static void
on_card_clicked (GtkButton     *card,
                 LxPairingView *self)
{
  if (self->members != NULL)
    lx_pairing_popover_show (self->popover, GTK_WIDGET (card), self->members);
}

static GtkWidget *
card_new (LxPairingView *self,
          LxPairingCard *c,
          gboolean       unpaired)
{
  GtkWidget *card = lx_pairing_card_new (c, unpaired);

  g_signal_connect_object (card, "clicked", G_CALLBACK (on_card_clicked), self, 0);
  return card;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
note (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static gboolean
load_unpaired (LxPairingView  *self,
               GError        **error)
{
  g_autoptr(GPtrArray) cards = lx_pairing_list_unpaired_needy (self->store, self->year, self->today,
                                                               self->search, error);
  g_autofree char *count = NULL;

  if (cards == NULL)
    return FALSE;
  clear_box (self->unpaired_list);
  for (guint i = 0; i < cards->len && i < MAX_UNPAIRED_CARDS; i++)
    gtk_box_append (GTK_BOX (self->unpaired_list),
                    card_new (self, g_ptr_array_index (cards, i), TRUE));
  if (cards->len > MAX_UNPAIRED_CARDS)
    {
      g_autofree char *more = g_strdup_printf (_("and %u more: search to narrow the list"),
                                               cards->len - MAX_UNPAIRED_CARDS);
      gtk_box_append (GTK_BOX (self->unpaired_list), note (more));
    }
  else if (cards->len == 0)
    gtk_box_append (GTK_BOX (self->unpaired_list),
                    note (searching (self) ? _("No needy household found")
                                           : _("Every needy household is paired")));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u household", "%u households",
                                        cards->len), cards->len);
  gtk_label_set_label (self->unpaired_count, count);
  return TRUE;
}

static void
load_summary (LxPairingView *self)
{
  LxPairingStats s;
  g_autofree char *text = NULL;

  if (!lx_pairing_stats_compute (self->store, self->year, self->today, &s, NULL))
    return;
  /* Translators: "困难户已结对 61 / 73（83.6%）· 达到结对任务的党员 50 / 62" */
  text = g_strdup_printf (_("Needy households paired %d / %d (%.1f%%) · Members meeting the quota %d / %d"),
                          (int)s.needy_paired, (int)s.needy_households, 100 * s.needy_paired_rate,
                          (int)s.members_meeting_quota, (int)s.members);
  gtk_label_set_label (self->summary_label, text);
}

static void
scroll_to_member (LxPairingView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));

  for (guint i = 0; i < n && self->scroll_to != 0; i++)
    {
      g_autoptr(LxPairingColumn) column = g_list_model_get_item (G_LIST_MODEL (self->columns), i);

      if (column->quota->member_id == self->scroll_to)
        gtk_widget_activate_action (GTK_WIDGET (self->member_view), "list.scroll-to-item", "u", i);
    }
  self->scroll_to = 0;
}

static GtkWidget *
find_card (GtkWidget *widget,
           gint64     household_id)
{
  if (GTK_IS_BUTTON (widget) && lx_pairing_card_get_id (widget) == household_id)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_card (child, household_id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Keyboard users keep their place: the card they just moved takes the
 * focus in its new column, once the list has laid that column out. */
static gboolean
focus_card_idle (gpointer data)
{
  LxPairingView *self = data;
  GtkWidget *card = find_card (GTK_WIDGET (self->box), self->focus_card);

  self->focus_id = 0;
  self->focus_card = 0;
  if (card != NULL)
    gtk_widget_grab_focus (card);
  return G_SOURCE_REMOVE;
}

static void
reload (LxPairingView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  gint64 started = g_get_monotonic_time ();

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  self->members = lx_pairing_list_quotas (self->store, 0, &error);
  if (self->members == NULL || !(columns = load_columns (self, &error)) ||
      !load_unpaired (self, &error))
    {
      g_warning ("Cannot load the pairing board: %s", error->message);
      return;
    }
  g_list_store_splice (self->columns, 0, g_list_model_get_n_items (G_LIST_MODEL (self->columns)),
                       columns->pdata, columns->len);
  gtk_stack_set_visible_child_name (self->board_stack, columns->len > 0 ? "board" : "empty");
  adw_status_page_set_description (self->empty_page,
                                   searching (self) ? _("No paired household matches the search")
                                   : gtk_switch_get_active (self->short_switch)
                                     ? _("Every member meets the quota")
                                     : _("Add members in the Members view"));
  load_summary (self);
  scroll_to_member (self);
  if (self->focus_card != 0 && self->focus_id == 0)
    self->focus_id = g_timeout_add (100, focus_card_idle, self);
  g_debug ("Loaded %u member columns in %.1f ms", columns->len,
           (g_get_monotonic_time () - started) / 1000.0);
}

static gboolean
reload_idle (gpointer data)
{
  LxPairingView *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Several tables change in one commit; one reload for them all. Not at
 * idle priority: during a drag and drop on X11 the events keep coming and
 * an idle reload waited for tens of seconds (GTK 4.8, Xvfb). Not inside the
 * drop handler either: that would destroy the dragged card mid-drop. */
static void
queue_reload (LxPairingView *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle, self, NULL);
}

/* Member columns ---------------------------------------------------------- */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LxPairingView *self)
{
  GtkWidget *column = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  gint64 member_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (column), "member-id"));

  apply_change (self, g_value_get_int64 (value), member_id);
  return TRUE;
}

static void
setup_column (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LxPairingView            *self)
{
  GtkWidget *column = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL,
                                    "spacing", 8, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *cards = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_widget_set_size_request (column, 240, -1);
  gtk_widget_set_margin_start (heading, 12);
  gtk_widget_set_margin_end (heading, 12);
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_start (cards, 12);
  gtk_widget_set_margin_end (cards, 12);
  gtk_widget_set_margin_bottom (cards, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), cards);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (column), heading);
  gtk_box_append (GTK_BOX (column), scroller);
  g_object_set_data (G_OBJECT (column), "heading", heading);
  g_object_set_data (G_OBJECT (column), "cards", cards);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (column, GTK_EVENT_CONTROLLER (drop));
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, column);
}

static void
bind_column (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LxPairingView            *self)
{
  LxPairingColumn *data = gtk_list_item_get_item (item);
  GtkWidget *column = gtk_list_item_get_child (item);
  GtkWidget *heading = g_object_get_data (G_OBJECT (column), "heading");
  GtkWidget *cards = g_object_get_data (G_OBJECT (column), "cards");

  clear_box (heading);
  clear_box (cards);
  gtk_box_append (GTK_BOX (heading), lx_pairing_heading_new (data->quota));
  for (guint i = 0; i < data->cards->len; i++)
    gtk_box_append (GTK_BOX (cards), card_new (self, g_ptr_array_index (data->cards, i), FALSE));
  if (data->cards->len == 0)
    gtk_box_append (GTK_BOX (cards), note (_("No household paired yet: drop a card here")));
  g_object_set_data (G_OBJECT (column), "member-id", GSIZE_TO_POINTER (data->quota->member_id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (column), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  data->quota->name, -1);
}

/* Changes and undo -------------------------------------------------------- */

typedef struct
{
  LxStore         *store;
  LxPairingChange  change;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_object_unref (undo->store);
  g_free (undo);
}

static void
on_undo (AdwToast *toast,
         Undo     *undo)
{
  g_autoptr(GError) error = NULL;

  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *window = app != NULL ? gtk_application_get_active_window (app) : NULL;

  /* The household may have been paired again since: say so. */
  if (!lx_pairing_undo (undo->store, &undo->change, &error) && LX_IS_WINDOW (window))
    lx_window_show_toast (LX_WINDOW (window), adw_toast_new (error->message));
}

static void
show_toast (LxPairingView         *self,
            const char            *title,
            const LxPairingChange *change)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast = adw_toast_new (title);

  if (change != NULL)
    {
      Undo *undo = g_new0 (Undo, 1);

      undo->store = g_object_ref (self->store);
      undo->change = *change;
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      /* A drop can land on the wrong column: leave time to notice. */
      adw_toast_set_timeout (toast, 10);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo), undo,
                             (GClosureNotify)(void (*) (void))undo_free, 0);
    }
  if (LX_IS_WINDOW (root))
    lx_window_show_toast (LX_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static const char *
member_name (LxPairingView *self,
             gint64         member_id)
{
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    {
      LxPairingQuota *q = g_ptr_array_index (self->members, i);
      if (q->member_id == member_id)
        return q->name;
    }
  return "";
}

/* Pairs, moves or unpairs (@member_id 0), whichever the household's state
 * asks for, and offers to undo it. */
static void
apply_change (LxPairingView *self,
              gint64         household_id,
              gint64         member_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxHousehold) h = lx_repo_get_household (self->store, household_id, &error);
  g_autofree char *title = NULL;
  LxPairingChange change = { 0 };
  gint64 current = 0;
  gboolean ok;

  if (h != NULL)
    current = lx_pairing_member_of (self->store, household_id, &error);
  if (error != NULL)
    {
      show_toast (self, error->message, NULL);
      return;
    }
  if (current == member_id)
    return;

  if (member_id == 0)
    {
      ok = lx_pairing_unpair (self->store, household_id, self->today, "unpaired", &change, &error);
      title = g_strdup_printf (_("Unpaired the household of %s"), h->head_name);
    }
  else if (current == 0)
    {
      ok = lx_pairing_pair (self->store, household_id, member_id, self->today, &change, &error) != 0;
      title = g_strdup_printf (_("Paired the household of %s with %s"), h->head_name,
                               member_name (self, member_id));
    }
  else
    {
      ok = lx_pairing_move (self->store, household_id, member_id, self->today, &change, &error);
      title = g_strdup_printf (_("Moved the household of %s to %s"), h->head_name,
                               member_name (self, member_id));
    }
  if (!ok)
    {
      show_toast (self, error->message, NULL);
      return;
    }
  self->scroll_to = member_id;
  self->focus_card = household_id;
  show_toast (self, title, &change);
}

static void
on_chosen (gpointer user_data,
           gint64   household_id,
           gint64   member_id)
{
  apply_change (LX_PAIRING_VIEW (user_data), household_id, member_id);
}

static gboolean
on_drop_unpaired (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  LxPairingView *self)
{
  apply_change (self, g_value_get_int64 (value), 0);
  return TRUE;
}

/* Filters ------------------------------------------------------------------ */

static void
setup_filters (LxPairingView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->orgs = lx_repo_list_organizations (self->store, NULL);
  gtk_string_list_append (names, _("All Branches"));
  for (guint i = 0; self->orgs != NULL && i < self->orgs->len; i++)
    gtk_string_list_append (names, ((LxOrganization *)g_ptr_array_index (self->orgs, i))->name);
  gtk_drop_down_set_model (self->branch_dropdown, G_LIST_MODEL (names));
  g_signal_connect_swapped (self->branch_dropdown, "notify::selected", G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->short_switch, "notify::active", G_CALLBACK (reload), self);
}

/* Public ------------------------------------------------------------------- */

void
lx_pairing_view_set_search (LxPairingView *self,
                            const char    *search)
{
  g_return_if_fail (LX_IS_PAIRING_VIEW (self));

  if (search != NULL && *search == '\0')
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  if (self->store != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

void
lx_pairing_view_set_year (LxPairingView *self,
                          int            year)
{
  g_return_if_fail (LX_IS_PAIRING_VIEW (self));

  if (self->year == year)
    return;
  self->year = year;
  if (self->store != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

LxPairingView *
lx_pairing_view_new (LxStore *store)
{
  return g_object_new (LX_TYPE_PAIRING_VIEW, "store", store, NULL);
}

static void
lx_pairing_view_constructed (GObject *object)
{
  LxPairingView *self = LX_PAIRING_VIEW (object);
  static const char * const tables[] = { "pairing", "household", "member", "visit", "organization" };

  G_OBJECT_CLASS (lx_pairing_view_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *signal = g_strdup_printf ("changed::%s", tables[i]);
      g_signal_connect_object (self->store, signal, G_CALLBACK (queue_reload), self, G_CONNECT_SWAPPED);
    }
  setup_filters (self);
  reload (self);
}

/* The popover is a child of the view: it is placed on every allocation. */
static void
lx_pairing_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  gtk_widget_measure (LX_PAIRING_VIEW (widget)->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
lx_pairing_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LxPairingView *self = LX_PAIRING_VIEW (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
lx_pairing_view_dispose (GObject *object)
{
  LxPairingView *self = LX_PAIRING_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->focus_id, g_source_remove);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_PAIRING_VIEW);
  g_clear_object (&self->columns);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (lx_pairing_view_parent_class)->dispose (object);
}

static void
lx_pairing_view_finalize (GObject *object)
{
  LxPairingView *self = LX_PAIRING_VIEW (object);

  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->orgs, g_ptr_array_unref);
  g_free (self->search);
  g_free (self->today);
  G_OBJECT_CLASS (lx_pairing_view_parent_class)->finalize (object);
}

static void
lx_pairing_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LxPairingView *self = LX_PAIRING_VIEW (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_pairing_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LxPairingView *self = LX_PAIRING_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH:
      lx_pairing_view_set_search (self, g_value_get_string (value));
      break;
    case PROP_YEAR:
      lx_pairing_view_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_pairing_view_class_init (LxPairingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lx_pairing_view_constructed;
  object_class->dispose = lx_pairing_view_dispose;
  object_class->finalize = lx_pairing_view_finalize;
  object_class->get_property = lx_pairing_view_get_property;
  object_class->set_property = lx_pairing_view_set_property;
  widget_class->measure = lx_pairing_view_measure;
  widget_class->size_allocate = lx_pairing_view_size_allocate;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LX_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/lx-pairing-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LxPairingView, box);
  gtk_widget_class_bind_template_child (widget_class, LxPairingView, branch_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LxPairingView, short_switch);
  gtk_widget_class_bind_template_child (widget_class, LxPairingView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LxPairingView, unpaired_column);
  gtk_widget_class_bind_template_child (widget_class, LxPairingView, unpaired_count);
  gtk_widget_class_bind_template_child (widget_class, LxPairingView, unpaired_list);
  gtk_widget_class_bind_template_child (widget_class, LxPairingView, board_stack);
  gtk_widget_class_bind_template_child (widget_class, LxPairingView, member_view);
  gtk_widget_class_bind_template_child (widget_class, LxPairingView, empty_page);
}

static void
lx_pairing_view_init (LxPairingView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->today = lx_date_today ();
  self->year = lx_date_current_year ();
  self->columns = g_list_store_new (LX_TYPE_PAIRING_COLUMN);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_column), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_column), self);
  gtk_list_view_set_factory (self->member_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->columns)));
  gtk_list_view_set_model (self->member_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_unpaired), self);
  gtk_widget_add_controller (self->unpaired_column, GTK_EVENT_CONTROLLER (drop));

  self->popover = lx_pairing_popover_new (on_chosen, self);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}
