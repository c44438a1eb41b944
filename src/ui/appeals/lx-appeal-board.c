/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-appeal-board"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-appeal-board.h"
#include "lx-appeal.h"
#include "lx-date.h"
#include "lx-ui-util.h"

/* Beyond this many cards a column says how many more there are: a board is
 * for the cases in hand, the ledger for the whole year. */
#define MAX_CARDS 150

struct _LxAppealBoard
{
  GtkWidget   parent_instance;

  GListModel *appeals;
  char       *today;
  gint64      selected;
  GtkWidget  *scroller;
  GtkWidget  *columns;                 /* GtkBox */
  GtkWidget  *lists[6];                /* GtkBox of cards, per status */
  GtkWidget  *headings[6];
};

G_DEFINE_FINAL_TYPE (LxAppealBoard, lx_appeal_board, GTK_TYPE_WIDGET)

enum { SELECTED, MOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static int
status_index (const char *status)
{
  const char * const *statuses = lx_appeal_statuses ();

  for (int i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      return i;
  return 0;
}

static GtkWidget *
small_label (const char *text,
             const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static void
on_card_clicked (GtkButton     *button,
                 LxAppealBoard *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "appeal-id"));

  lx_appeal_board_select (self, id);
  g_signal_emit (self, signals[SELECTED], 0, id);
}

static GMenuModel *
move_menu (LxAppeal *a)
{
  GMenu *menu = g_menu_new ();
  g_auto(GStrv) next = lx_appeal_next_statuses (a->status);

  for (guint i = 0; next[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (lx_appeal_status_label (next[i]), NULL);

      g_menu_item_set_action_and_target (item, "board.move", "(xs)", (gint64)a->id, next[i]);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *card)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (card), "appeal-id"));

  return gdk_content_provider_new_typed (G_TYPE_INT64, id);
}

static char *
card_text (LxAppeal   *a,
           const char *today,
           const char **css)
{
  g_autofree char *deadline = lx_format_date (a->deadline);

  switch (lx_appeal_due (a, today))
    {
    case LX_APPEAL_DUE_OVERDUE:
      *css = "status-overdue";
      return g_strdup_printf (_("Overdue since %s"), deadline);
    case LX_APPEAL_DUE_SOON:
      *css = "status-due";
      return g_strdup_printf (_("Due %s"), deadline);
    case LX_APPEAL_DUE_LATER:
      *css = NULL;
      return g_strdup_printf (_("Due %s"), deadline);
    case LX_APPEAL_DUE_NONE:
    default:
      *css = NULL;
      return a->assignee_name != NULL ? g_strdup (a->assignee_name) : g_strdup (_("Not assigned"));
    }
}

static GtkWidget *
build_card (LxAppealBoard *self,
            LxAppeal      *a)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = move_menu (a);
  g_autofree char *kind = g_strdup_printf ("%s · %s", lx_appeal_domain_label (a->domain),
                                           lx_appeal_concern_label (a->concern));
  g_autofree char *name = NULL;
  const char *due_css = NULL;
  g_autofree char *due = card_text (a, self->today, &due_css);
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkWidget *due_label = small_label (due, due_css);

  gtk_box_append (GTK_BOX (inner), small_label (lx_appeal_get_who (a), "heading"));
  gtk_box_append (GTK_BOX (inner), small_label (a->description, NULL));
  gtk_box_append (GTK_BOX (inner), small_label (kind, "dim-label"));
  if (due_css != NULL)
    gtk_widget_add_css_class (due_label, "status-pill");
  gtk_widget_set_halign (due_label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (inner), due_label);
  gtk_button_set_child (GTK_BUTTON (button), inner);
  gtk_widget_add_css_class (button, "flat");
  name = g_strdup_printf ("%s: %s", lx_appeal_get_who (a), a->description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "appeal-id", GSIZE_TO_POINTER (a->id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_card_clicked), self);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu_button), _("Move to…"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_halign (menu_button, GTK_ALIGN_END);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_sensitive (menu_button, g_menu_model_get_n_items (menu) > 0);

  gtk_box_append (GTK_BOX (card), button);
  gtk_box_append (GTK_BOX (card), menu_button);
  gtk_widget_add_css_class (card, "card");
  if (a->id == self->selected)
    gtk_widget_add_css_class (card, "selected-card");
  g_object_set_data (G_OBJECT (card), "appeal-id", GSIZE_TO_POINTER (a->id));
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (drag));
  return card;
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LxAppealBoard *self)
{
  const char *status = g_object_get_data (G_OBJECT (target), "status");

  g_signal_emit (self, signals[MOVE], 0, g_value_get_int64 (value), status);
  return TRUE;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
rebuild (LxAppealBoard *self)
{
  guint counts[6] = { 0 };
  guint n = g_list_model_get_n_items (self->appeals);

  for (int i = 0; i < 6; i++)
    clear_box (self->lists[i]);
  for (guint pos = 0; pos < n; pos++)
    {
      g_autoptr(LxAppeal) a = g_list_model_get_item (self->appeals, pos);
      int col = status_index (a->status);

      if (++counts[col] <= MAX_CARDS)
        gtk_box_append (GTK_BOX (self->lists[col]), build_card (self, a));
    }
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *heading = g_strdup_printf ("%s  %u", lx_appeal_status_label (lx_appeal_statuses ()[i]),
                                                  counts[i]);
      gtk_label_set_label (GTK_LABEL (self->headings[i]), heading);
      if (counts[i] > MAX_CARDS)
        {
          g_autofree char *more = g_strdup_printf (_("and %u more in the ledger"), counts[i] - MAX_CARDS);
          gtk_box_append (GTK_BOX (self->lists[i]), small_label (more, "dim-label"));
        }
    }
}

static GtkWidget *
build_column (LxAppealBoard *self,
              int            i)
{
  const char *status = lx_appeal_statuses ()[i];
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  self->headings[i] = small_label (lx_appeal_status_label (status), "heading");
  self->lists[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_vexpand (self->lists[i], TRUE);
  gtk_box_append (GTK_BOX (column), self->headings[i]);
  gtk_box_append (GTK_BOX (column), self->lists[i]);
  gtk_widget_set_size_request (column, 200, -1);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lx_appeal_status_label (status), -1);

  g_object_set_data (G_OBJECT (drop), "status", (gpointer)status);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (column, GTK_EVENT_CONTROLLER (drop));
  return column;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gint64 id;
  const char *status;

  g_variant_get (param, "(x&s)", &id, &status);
  g_signal_emit (widget, signals[MOVE], 0, id, status);
}

void
lx_appeal_board_set_today (LxAppealBoard *self,
                           const char    *today)
{
  g_return_if_fail (LX_IS_APPEAL_BOARD (self));
  g_free (self->today);
  self->today = g_strdup (today);
  rebuild (self);
}

/* Marks the card of @id; the detail pane shows it. */
void
lx_appeal_board_select (LxAppealBoard *self,
                        gint64         id)
{
  g_return_if_fail (LX_IS_APPEAL_BOARD (self));

  self->selected = id;
  for (int i = 0; i < 6; i++)
    for (GtkWidget *card = gtk_widget_get_first_child (self->lists[i]); card != NULL;
         card = gtk_widget_get_next_sibling (card))
      {
        gint64 card_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (card), "appeal-id"));
        if (card_id == id && id != 0)
          gtk_widget_add_css_class (card, "selected-card");
        else
          gtk_widget_remove_css_class (card, "selected-card");
      }
}

GtkWidget *
lx_appeal_board_new (GListModel *appeals)
{
  LxAppealBoard *self = g_object_new (LX_TYPE_APPEAL_BOARD, NULL);

  self->appeals = g_object_ref (appeals);
  g_signal_connect_object (appeals, "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return GTK_WIDGET (self);
}

static void
lx_appeal_board_dispose (GObject *object)
{
  LxAppealBoard *self = LX_APPEAL_BOARD (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->appeals);
  g_clear_pointer (&self->today, g_free);
  G_OBJECT_CLASS (lx_appeal_board_parent_class)->dispose (object);
}

static void
lx_appeal_board_class_init (LxAppealBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lx_appeal_board_dispose;
  signals[SELECTED] = g_signal_new ("selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  gtk_widget_class_install_action (widget_class, "board.move", "(xs)", move_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lx_appeal_board_init (LxAppealBoard *self)
{
  self->today = lx_date_today ();
  self->scroller = gtk_scrolled_window_new ();
  self->columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (self->columns, 12);
  gtk_widget_set_margin_end (self->columns, 12);
  gtk_widget_set_margin_top (self->columns, 12);
  gtk_widget_set_margin_bottom (self->columns, 12);
  for (int i = 0; i < 6; i++)
    gtk_box_append (GTK_BOX (self->columns), build_column (self, i));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->columns);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Board by status"), -1);
}
