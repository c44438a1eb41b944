/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-pairing-board"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-pairing-board.h"
#include "lx-repo.h"
#include "lx-ui-util.h"

/* Column items ---------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (LxPairingColumn, lx_pairing_column, G_TYPE_OBJECT)

static void
lx_pairing_column_finalize (GObject *object)
{
  LxPairingColumn *self = LX_PAIRING_COLUMN (object);

  g_clear_pointer (&self->quota, lx_pairing_quota_free);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  G_OBJECT_CLASS (lx_pairing_column_parent_class)->finalize (object);
}

static void
lx_pairing_column_class_init (LxPairingColumnClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lx_pairing_column_finalize;
}

static void
lx_pairing_column_init (LxPairingColumn *self)
{
  self->cards = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_pairing_card_free);
}

LxPairingColumn *
lx_pairing_column_new (LxPairingQuota *quota)
{
  LxPairingColumn *self = g_object_new (LX_TYPE_PAIRING_COLUMN, NULL);

  self->quota = quota;
  return self;
}

/* Cards ----------------------------------------------------------------- */

static GtkWidget *
line (const char *text,
      const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static GtkWidget *
pill (const char *text,
      const char *css)
{
  GtkWidget *label = line (text, "status-pill");

  gtk_widget_add_css_class (label, css);
  return label;
}

static GtkWidget *
last_visit_line (LxPairingCard *c)
{
  g_autofree char *text = NULL;

  if (c->days_since_visit < 0)
    return pill (_("Never visited"), "status-never");
  if (c->days_since_visit == 0)
    return line (_("Visited today"), "caption");
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last visit %d day ago",
                                       "Last visit %d days ago", c->days_since_visit),
                          c->days_since_visit);
  return line (text, "caption");
}

static GtkWidget *
visits_line (LxPairingCard *c)
{
  /* Translators: home visits this year against the paired rule, "今年走访 1 / 2 次" */
  g_autofree char *text = g_strdup_printf (_("Visits this year %d / %d"), c->visits_year,
                                           c->visits_rule);

  if (c->visits_year >= c->visits_rule)
    return pill (text, "status-visited");
  return pill (text, "status-due");
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *card)
{
  return gdk_content_provider_new_typed (G_TYPE_INT64, lx_pairing_card_get_id (card));
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *card)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (card);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

GtkWidget *
lx_pairing_card_new (LxPairingCard *c,
                     gboolean       unpaired)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkDragSource *drag = gtk_drag_source_new ();
  g_autofree char *name = g_strdup_printf ("%s, %s", c->head_name, c->address);

  gtk_box_append (GTK_BOX (box), line (c->head_name, "heading"));
  gtk_box_append (GTK_BOX (box), line (c->address, "dim-label"));
  if (c->need_labels != NULL && *c->need_labels != '\0')
    gtk_box_append (GTK_BOX (box), line (c->need_labels, "caption-heading"));
  gtk_box_append (GTK_BOX (box), last_visit_line (c));
  if (!unpaired)
    gtk_box_append (GTK_BOX (box), visits_line (c));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 4);
  gtk_widget_set_margin_end (box, 4);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_set_tooltip_text (button, unpaired ? _("Pair with a member (or drag onto a member)")
                                                : _("Move or unpair (or drag to another column)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  g_object_set_data (G_OBJECT (button), "household-id", GSIZE_TO_POINTER (c->household_id));
  g_object_set_data (G_OBJECT (button), "member-id", GSIZE_TO_POINTER (c->member_id));
  g_object_set_data_full (G_OBJECT (button), "head-name", g_strdup (c->head_name), g_free);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), button);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), button);
  gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (drag));
  return button;
}

gint64
lx_pairing_card_get_id (GtkWidget *card)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (card), "household-id"));
}

/* Column headings -------------------------------------------------------- */

GtkWidget *
lx_pairing_heading_new (LxPairingQuota *q)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Translators: pairings of a member against the quota of their role, "已结对 2 / 应结对 3" */
  g_autofree char *count = g_strdup_printf (_("Paired %d / quota %d"), q->paired, q->quota);
  g_autofree char *state = NULL;
  GtkWidget *count_label, *org;

  gtk_box_append (GTK_BOX (box), line (q->name, "title-4"));
  gtk_box_append (GTK_BOX (box), line (lx_member_role_label (q->role), "dim-label"));
  org = line (q->org_name, "dim-label");
  gtk_widget_set_tooltip_text (org, q->org_name);
  gtk_box_append (GTK_BOX (box), org);
  count_label = line (count, "heading");
  gtk_widget_set_name (count_label, "pairing-count");
  gtk_box_append (GTK_BOX (figures), count_label);
  if (q->inactive)
    gtk_box_append (GTK_BOX (figures), pill (_("Left: move these households"), "status-overdue"));
  else if (q->met)
    gtk_box_append (GTK_BOX (figures), pill (_("Met"), "status-visited"));
  else
    {
      int short_by = q->quota - q->paired;

      state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d short", "%d short", short_by),
                               short_by);
      gtk_box_append (GTK_BOX (figures), pill (state, "status-overdue"));
    }
  gtk_box_append (GTK_BOX (box), figures);
  return box;
}

/* The "Pair with…" popover ------------------------------------------------ */

typedef struct
{
  LxPairingChosen  chosen;
  gpointer         user_data;
  gint64           household_id;
  GtkWidget       *title;
  GtkWidget       *search;
  GtkWidget       *list;      /* GtkBox of buttons */
  GtkWidget       *unpair;
} Popover;

static Popover *
popover_data (GtkWidget *popover)
{
  return g_object_get_data (G_OBJECT (popover), "pairing-popover");
}

static void
choose (GtkWidget *popover,
        gint64     member_id)
{
  Popover *p = popover_data (popover);
  gint64 household_id = p->household_id;

  gtk_popover_popdown (GTK_POPOVER (popover));
  p->chosen (p->user_data, household_id, member_id);
}

static void
on_member_clicked (GtkButton *button,
                   GtkWidget *popover)
{
  choose (popover, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "member-id")));
}

static void
on_unpair_clicked (GtkButton *button,
                   GtkWidget *popover)
{
  choose (popover, 0);
}

static gboolean
member_matches (GtkWidget  *button,
                const char *needle)
{
  const char *keys = g_object_get_data (G_OBJECT (button), "search-keys");

  return needle == NULL || *needle == '\0' || strstr (keys, needle) != NULL;
}

/* The members are a few hundred at most: filtering the buttons in place
 * is quick. */
static void
on_search_changed (GtkSearchEntry *entry,
                   GtkWidget      *popover)
{
  Popover *p = popover_data (popover);
  g_autofree char *needle = g_utf8_strdown (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

  for (GtkWidget *child = gtk_widget_get_first_child (p->list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, member_matches (child, needle));
}

static void
on_search_activate (GtkSearchEntry *entry,
                    GtkWidget      *popover)
{
  Popover *p = popover_data (popover);

  for (GtkWidget *child = gtk_widget_get_first_child (p->list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      {
        on_member_clicked (GTK_BUTTON (child), popover);
        return;
      }
}

GtkWidget *
lx_pairing_popover_new (LxPairingChosen chosen,
                        gpointer        user_data)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  Popover *p = g_new0 (Popover, 1);

  p->chosen = chosen;
  p->user_data = user_data;
  p->title = line (NULL, "heading");
  p->search = gtk_search_entry_new ();
  p->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  p->unpair = gtk_button_new_with_mnemonic (_("_Unpair"));
  g_object_set_data_full (G_OBJECT (popover), "pairing-popover", p, g_free);

  gtk_accessible_update_property (GTK_ACCESSIBLE (p->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search members"), -1);
  g_object_set (p->search, "placeholder-text", _("Name or pinyin"), NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), p->list);
  gtk_widget_add_css_class (p->unpair, "destructive-action");

  gtk_box_append (GTK_BOX (box), p->title);
  gtk_box_append (GTK_BOX (box), p->search);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), p->unpair);
  gtk_widget_set_size_request (box, 300, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_RIGHT);

  g_signal_connect (p->search, "search-changed", G_CALLBACK (on_search_changed), popover);
  g_signal_connect (p->search, "activate", G_CALLBACK (on_search_activate), popover);
  g_signal_connect (p->unpair, "clicked", G_CALLBACK (on_unpair_clicked), popover);
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pair with…"), -1);
  return popover;
}

static GtkWidget *
member_button (LxPairingQuota *q,
               gint64          current,
               GtkWidget      *popover)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = line (q->name, NULL);
  /* Translators: a member in the "Pair with…" list: branch, then pairings / quota */
  g_autofree char *detail = g_strdup_printf (_("%s · %d / %d"), q->org_name, q->paired, q->quota);
  GtkWidget *detail_label = line (detail, q->met ? "dim-label" : "accent");
  g_autofree char *keys = g_utf8_strdown (q->name, -1);

  gtk_widget_set_hexpand (detail_label, TRUE);
  gtk_widget_set_halign (detail_label, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail_label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, q->member_id != current);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, q->name, -1);

  g_object_set_data (G_OBJECT (button), "member-id", GSIZE_TO_POINTER (q->member_id));
  g_object_set_data_full (G_OBJECT (button), "search-keys",
                          g_strjoin (" ", keys, q->pinyin ? q->pinyin : "",
                                     q->initials ? q->initials : "", NULL), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_member_clicked), popover);
  return button;
}

void
lx_pairing_popover_show (GtkWidget *popover,
                         GtkWidget *card,
                         GPtrArray *members)
{
  Popover *p = popover_data (popover);
  gint64 current = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (card), "member-id"));
  const char *head = g_object_get_data (G_OBJECT (card), "head-name");
  g_autofree char *title = g_strdup_printf (current ? _("Move %s to…") : _("Pair %s with…"), head);
  GtkWidget *child;
  graphene_rect_t bounds;

  p->household_id = lx_pairing_card_get_id (card);
  gtk_label_set_label (GTK_LABEL (p->title), title);
  gtk_widget_set_visible (p->unpair, current != 0);
  while ((child = gtk_widget_get_first_child (p->list)) != NULL)
    gtk_box_remove (GTK_BOX (p->list), child);
  /* Those short of their quota first: they are the ones to ask. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < members->len; i++)
      {
        LxPairingQuota *q = g_ptr_array_index (members, i);

        if (!q->inactive && q->met == (pass == 1))
          gtk_box_append (GTK_BOX (p->list), member_button (q, current, popover));
      }
  gtk_editable_set_text (GTK_EDITABLE (p->search), "");

  if (gtk_widget_compute_bounds (card, gtk_widget_get_parent (popover), &bounds))
    {
      GdkRectangle rect = { (int)bounds.origin.x, (int)bounds.origin.y,
                            (int)bounds.size.width, (int)bounds.size.height };
      gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
    }
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_widget_grab_focus (p->search);
}
