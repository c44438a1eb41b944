/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-calendar-view"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lx-calendar-view.h"
#include "lx-date.h"
#include "lx-event-repo.h"
#include "lx-recurrence.h"
#include "lx-ui-util.h"
#include "lx-window.h"

#define MONTH_CHIPS 3   /* events shown in a month cell before "+N more" */

struct _LxCalendarView
{
  GtkWidget   parent_instance;

  LxStore    *store;
  GDate       focus;
  char       *today;
  int         year;
  guint       refresh_id;
  GtkWidget  *cells[42];   /* the month grid's day cells */

  /* template widgets */
  GtkWidget  *box;
  GtkLabel   *title_label;
  GtkStack   *stack;
  GtkGrid    *month_grid;
  GtkWidget  *week_box;
  GtkWidget  *agenda_box;
  GtkWidget  *duty_box;
};

G_DEFINE_FINAL_TYPE (LxCalendarView, lx_calendar_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_YEAR, PROP_ADD_LABEL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char css[] =
  ".day-cell { border: 1px solid alpha(currentColor, 0.10); padding: 2px; }\n"
  ".day-cell.other-month { opacity: 0.45; }\n"
  ".day-cell.today .day-number { background: @accent_bg_color; color: @accent_fg_color;"
  "  border-radius: 9px; padding: 0 6px; }\n"
  ".day-cell.drop-hover { background: alpha(@accent_bg_color, 0.2); }\n"
  ".event-chip { padding: 0 4px; min-height: 0; border-radius: 4px; font-size: 0.85em; }\n"
  ".event-chip.kind-planned_visit { background: alpha(#3584e4, 0.30); }\n"
  ".event-chip.kind-field { background: alpha(#e66100, 0.35); }\n"
  ".event-chip.kind-reception_day { background: alpha(#c01c28, 0.35); }\n"
  ".event-chip.kind-service { background: alpha(#2ec27e, 0.35); }\n"
  ".event-chip.kind-meeting { background: alpha(#9141ac, 0.30); }\n"
  ".event-chip.done { opacity: 0.55; }\n"
  ".duty-cell { min-width: 28px; min-height: 24px; border-radius: 4px; }\n"
  ".duty-done { background: #2ec27e; color: white; }\n"
  ".duty-missed { background: #e01b24; color: white; }\n"
  ".duty-upcoming { background: alpha(currentColor, 0.08); }\n";

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
iso_of (const GDate *date,
        char         buf[11])
{
  g_snprintf (buf, 11, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

static void
set_iso (GDate      *date,
         const char *iso)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, atoi (iso + 8), atoi (iso + 5), atoi (iso));
}

static const char *
page (LxCalendarView *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  return name != NULL ? name : "month";
}

static LxWindow *
get_window (LxCalendarView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return LX_IS_WINDOW (root) ? LX_WINDOW (root) : NULL;
}

static void
toast (LxCalendarView *self,
       const char     *text)
{
  LxWindow *window = get_window (self);

  if (window != NULL)
    lx_window_show_toast (window, adw_toast_new (text));
}

/* Event chips and their popover ------------------------------------------- */

static void
on_mark_done (GtkButton *button,
              LxOccurrence *o)
{
  LxCalendarView *self = g_object_get_data (G_OBJECT (button), "view");
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  if (lx_event_repo_mark_done (self->store, o->event_id, o->occurrence_on, NULL, &error) == 0)
    toast (self, error->message);
  else
    toast (self, _("Marked as done and recorded the visit"));
}

static void
on_delete (GtkButton    *button,
           LxOccurrence *o)
{
  LxCalendarView *self = g_object_get_data (G_OBJECT (button), "view");

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  lx_event_delete_present (GTK_WIDGET (self), self->store, o);
}

static void
on_skip (GtkButton    *button,
         LxOccurrence *o)
{
  LxCalendarView *self = g_object_get_data (G_OBJECT (button), "view");
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  if (!lx_event_repo_skip_occurrence (self->store, o->event_id, o->occurrence_on, &error))
    toast (self, error->message);
  else
    toast (self, _("Skipped this time"));
}

static void
add_detail (GtkWidget  *box,
            const char *text,
            const char *css_class)
{
  GtkWidget *label;

  if (text == NULL || *text == '\0')
    return;
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
}

static GtkWidget *
action_button (LxCalendarView *self,
               LxOccurrence   *o,
               const char     *label,
               GCallback       callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  g_autofree char *plain = g_strdup (label);

  /* The accessible name without the mnemonic underscore. */
  for (char *p = strchr (plain, '_'); p != NULL; p = strchr (p, '_'))
    memmove (p, p + 1, strlen (p));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
  g_object_set_data (G_OBJECT (button), "view", self);
  g_signal_connect_data (button, "clicked", callback, g_object_ref (o),
                         (GClosureNotify)(void (*) (void))g_object_unref, 0);
  return button;
}

static GtkWidget *
occurrence_popover (LxCalendarView *self,
                    LxOccurrence   *o)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *when = g_strdup_printf ("%s %s%s%s", o->starts_at, lx_event_kind_label (o->kind),
                                           o->moved ? " · " : "", o->moved ? _("moved") : "");
  g_autofree char *repeat = NULL;
  LxRecurrence rule;

  when[10] = ' ';
  if (o->rrule != NULL && lx_recurrence_parse (o->rrule, &rule, NULL))
    repeat = lx_recurrence_describe (&rule);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  add_detail (box, o->title, "heading");
  add_detail (box, when, "dim-label");
  add_detail (box, repeat, NULL);
  add_detail (box, o->place, NULL);
  add_detail (box, o->member_names, NULL);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_box_append (GTK_BOX (buttons), action_button (self, o, _("_Delete…"), G_CALLBACK (on_delete)));
  gtk_box_append (GTK_BOX (box), buttons);
  if (o->done)
    add_detail (box, _("Done"), "success");
  else
    {
      gtk_box_append (GTK_BOX (buttons), action_button (self, o, _("_Skip This Time"), G_CALLBACK (on_skip)));
      gtk_box_append (GTK_BOX (buttons), action_button (self, o, _("_Mark as Done"), G_CALLBACK (on_mark_done)));
      gtk_widget_add_css_class (gtk_widget_get_last_child (buttons), "suggested-action");
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 LxOccurrence  *o)
{
  g_autofree char *key = NULL;

  if (o->done)
    return NULL;
  key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s", o->event_id, o->occurrence_on);
  return gdk_content_provider_new_typed (G_TYPE_STRING, key);
}

static GtkWidget *
event_chip (LxCalendarView *self,
            LxOccurrence   *o,
            gboolean        with_time)
{
  GtkWidget *chip = gtk_menu_button_new ();
  g_autofree char *text = g_strdup_printf ("%s%.5s %s", o->done ? "✓ " : "",
                                           with_time ? o->starts_at + 11 : "", o->title);
  g_autofree char *kind_class = g_strconcat ("kind-", o->kind, NULL);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkWidget *label = gtk_label_new (g_strstrip (text));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (chip), label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (chip), occurrence_popover (self, o));
  gtk_widget_add_css_class (chip, "event-chip");
  gtk_widget_add_css_class (chip, "flat");
  gtk_widget_add_css_class (chip, kind_class);
  if (o->done)
    gtk_widget_add_css_class (chip, "done");
  gtk_widget_set_tooltip_text (chip, lx_event_kind_label (o->kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_data (source, "prepare", G_CALLBACK (on_drag_prepare), g_object_ref (o),
                         (GClosureNotify)(void (*) (void))g_object_unref, 0);
  gtk_widget_add_controller (chip, GTK_EVENT_CONTROLLER (source));
  return chip;
}

/* Month ------------------------------------------------------------------- */

static gboolean
on_drop (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         LxCalendarView *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *date = g_object_get_data (G_OBJECT (cell), "date");
  g_auto(GStrv) parts = g_strsplit (g_value_get_string (value), "|", 2);
  g_autoptr(GError) error = NULL;

  if (date == NULL || g_strv_length (parts) != 2 || g_strcmp0 (parts[1], date) == 0)
    return FALSE;
  if (!lx_event_repo_move_occurrence (self->store, g_ascii_strtoll (parts[0], NULL, 10), parts[1],
                                      date, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
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
build_month_grid (LxCalendarView *self)
{
  const char *names[] = { _("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun") };

  for (int d = 0; d < 7; d++)
    {
      GtkWidget *head = gtk_label_new (names[d]);
      gtk_widget_add_css_class (head, "dim-label");
      gtk_widget_set_margin_top (head, 4);
      gtk_widget_set_margin_bottom (head, 4);
      gtk_grid_attach (self->month_grid, head, d, 0, 1, 1);
    }
  for (int i = 0; i < 42; i++)
    {
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
      GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

      gtk_widget_add_css_class (cell, "day-cell");
      gtk_widget_set_vexpand (cell, TRUE);
      gtk_widget_set_size_request (cell, -1, 84);
      g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
      gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (target));
      gtk_grid_attach (self->month_grid, cell, i % 7, i / 7 + 1, 1, 1);
      self->cells[i] = cell;
    }
}

/* The Monday on or before the first of the focus month. */
static guint32
month_grid_start (LxCalendarView *self)
{
  GDate first = self->focus;

  g_date_set_day (&first, 1);
  return g_date_get_julian (&first) - (g_date_get_weekday (&first) - 1);
}

static void
fill_cell (LxCalendarView *self,
           GtkWidget      *cell,
           const GDate    *day,
           GPtrArray      *list,
           guint          *next)
{
  char iso[11];
  g_autofree char *number = g_strdup_printf ("%d", g_date_get_day (day));
  GtkWidget *label = gtk_label_new (number);
  guint shown = 0, hidden = 0;

  iso_of (day, iso);
  g_object_set_data_full (G_OBJECT (cell), "date", g_strdup (iso), g_free);
  clear_box (cell);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "day-number");
  gtk_box_append (GTK_BOX (cell), label);
  if (g_date_get_month (day) != g_date_get_month (&self->focus))
    gtk_widget_add_css_class (cell, "other-month");
  else
    gtk_widget_remove_css_class (cell, "other-month");
  if (strcmp (iso, self->today) == 0)
    gtk_widget_add_css_class (cell, "today");
  else
    gtk_widget_remove_css_class (cell, "today");

  for (; *next < list->len; (*next)++)
    {
      LxOccurrence *o = g_ptr_array_index (list, *next);
      if (strncmp (o->starts_at, iso, 10) != 0)
        break;
      if (shown++ < MONTH_CHIPS)
        gtk_box_append (GTK_BOX (cell), event_chip (self, o, TRUE));
      else
        hidden++;
    }
  if (hidden > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more", hidden),
                                               hidden);
      GtkWidget *more_label = gtk_label_new (more);
      gtk_widget_add_css_class (more_label, "dim-label");
      gtk_widget_add_css_class (more_label, "caption");
      gtk_box_append (GTK_BOX (cell), more_label);
    }
}

static GPtrArray *
load_range (LxCalendarView *self,
            guint32         first,
            guint32         last)
{
  GDate a, b;
  char from[11], to[11];
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_julian (&a, first);
  g_date_set_julian (&b, last);
  iso_of (&a, from);
  iso_of (&b, to);
  list = lx_event_repo_list_occurrences (self->store, from, to, &error);
  if (list == NULL)
    {
      g_warning ("Cannot load the calendar: %s", error->message);
      list = g_ptr_array_new_with_free_func (g_object_unref);
    }
  return list;
}

static void
refresh_month (LxCalendarView *self)
{
  guint32 start = month_grid_start (self);
  g_autoptr(GPtrArray) list = load_range (self, start, start + 41);
  guint next = 0;

  for (int i = 0; i < 42; i++)
    {
      GDate day;
      g_date_clear (&day, 1);
      g_date_set_julian (&day, start + i);
      fill_cell (self, self->cells[i], &day, list, &next);
    }
}

/* Week and agenda --------------------------------------------------------- */

static GtkWidget *
day_column (LxCalendarView *self,
            const GDate    *day,
            GPtrArray      *list,
            guint          *next,
            gboolean        agenda)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  char iso[11], heading[64];
  GtkWidget *label;
  guint count = 0;

  iso_of (day, iso);
  g_date_strftime (heading, sizeof heading, agenda ? _("%Y-%m-%d %A") : _("%a %-d"), day);
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, strcmp (iso, self->today) == 0 ? "accent" : "dim-label");
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  for (; *next < list->len; (*next)++)
    {
      LxOccurrence *o = g_ptr_array_index (list, *next);
      if (strncmp (o->starts_at, iso, 10) != 0)
        break;
      gtk_box_append (GTK_BOX (box), event_chip (self, o, TRUE));
      count++;
    }
  if (agenda && count == 0)
    {
      /* The agenda lists only days with something on them. */
      g_object_ref_sink (box);
      g_object_unref (box);
      return NULL;
    }
  gtk_widget_set_margin_top (box, 6);
  return box;
}

static void
refresh_days (LxCalendarView *self,
              GtkWidget      *container,
              guint32         first,
              int             n_days,
              gboolean        agenda)
{
  g_autoptr(GPtrArray) list = load_range (self, first, first + n_days - 1);
  guint next = 0;

  clear_box (container);
  for (int i = 0; i < n_days; i++)
    {
      GDate day;
      GtkWidget *column;

      g_date_clear (&day, 1);
      g_date_set_julian (&day, first + i);
      column = day_column (self, &day, list, &next, agenda);
      if (column != NULL)
        gtk_box_append (GTK_BOX (container), column);
    }
  if (agenda && gtk_widget_get_first_child (container) == NULL)
    gtk_box_append (GTK_BOX (container), gtk_label_new (_("Nothing planned in this month")));
}

/* Refresh ------------------------------------------------------------------ */

static void
update_title (LxCalendarView *self)
{
  char text[64];
  const char *name = page (self);

  if (strcmp (name, "duty") == 0)
    g_snprintf (text, sizeof text, "%d", g_date_get_year (&self->focus));
  else if (strcmp (name, "week") == 0)
    /* Translators: strftime format of the week view's title */
    g_date_strftime (text, sizeof text, _("Week of %Y-%m-%d"), &self->focus);
  else
    /* Translators: strftime format of the month view's title, "2026年11月" */
    g_date_strftime (text, sizeof text, _("%B %Y"), &self->focus);
  gtk_label_set_label (self->title_label, text);
}

static void
refresh (LxCalendarView *self)
{
  const char *name = page (self);
  guint32 focus = g_date_get_julian (&self->focus);

  if (self->store == NULL)
    return;
  update_title (self);
  if (strcmp (name, "month") == 0)
    refresh_month (self);
  else if (strcmp (name, "week") == 0)
    refresh_days (self, self->week_box, focus - (g_date_get_weekday (&self->focus) - 1), 7, FALSE);
  else if (strcmp (name, "agenda") == 0)
    {
      GDate first = self->focus;
      g_date_set_day (&first, 1);
      refresh_days (self, self->agenda_box, g_date_get_julian (&first),
                    g_date_get_days_in_month (g_date_get_month (&first), g_date_get_year (&first)), TRUE);
    }
  else
    {
      clear_box (self->duty_box);
      gtk_box_append (GTK_BOX (self->duty_box),
                      lx_calendar_duty_new (self->store, g_date_get_year (&self->focus), self->today));
    }
}

static gboolean
refresh_idle (gpointer data)
{
  LxCalendarView *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Store changes arrive inside a popover button's handler: the chips are
 * rebuilt once that handler has returned. */
static void
queue_refresh (LxCalendarView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
on_page_changed (LxCalendarView *self)
{
  refresh (self);
}

static void
set_focus_date (LxCalendarView *self,
                const GDate    *date)
{
  int old_year = g_date_get_year (&self->focus);

  self->focus = *date;
  refresh (self);
  if (old_year != g_date_get_year (date))
    {
      self->year = g_date_get_year (date);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
    }
}

/* Actions ------------------------------------------------------------------ */

static void
step (LxCalendarView *self,
      int             direction)
{
  GDate date = self->focus;
  const char *name = page (self);

  if (strcmp (name, "week") == 0)
    direction > 0 ? g_date_add_days (&date, 7) : g_date_subtract_days (&date, 7);
  else if (strcmp (name, "duty") == 0)
    direction > 0 ? g_date_add_years (&date, 1) : g_date_subtract_years (&date, 1);
  else
    direction > 0 ? g_date_add_months (&date, 1) : g_date_subtract_months (&date, 1);
  set_focus_date (self, &date);
}

static void
previous_action (GtkWidget *widget, const char *name, GVariant *param)
{
  step (LX_CALENDAR_VIEW (widget), -1);
}

static void
next_action (GtkWidget *widget, const char *name, GVariant *param)
{
  step (LX_CALENDAR_VIEW (widget), 1);
}

static void
today_action (GtkWidget *widget, const char *name, GVariant *param)
{
  LxCalendarView *self = LX_CALENDAR_VIEW (widget);
  GDate date;

  set_iso (&date, self->today);
  set_focus_date (self, &date);
}

static void
switch_action (GtkWidget *widget, const char *name, GVariant *param)
{
  LxCalendarView *self = LX_CALENDAR_VIEW (widget);

  gtk_stack_set_visible_child_name (self->stack, g_variant_get_string (param, NULL));
}

static void
add_action (GtkWidget *widget, const char *name, GVariant *param)
{
  LxCalendarView *self = LX_CALENDAR_VIEW (widget);
  char iso[11];

  iso_of (&self->focus, iso);
  lx_event_editor_present (widget, self->store, iso);
}

/* Print and export: lx-calendar-export.c, for the month in focus. */
static void
output_action (GtkWidget *widget, const char *name, GVariant *param)
{
  LxCalendarView *self = LX_CALENDAR_VIEW (widget);
  char focus[11];

  iso_of (&self->focus, focus);
  lx_calendar_output (widget, self->store, name + strlen ("calendar."), focus, self->today);
}

/* Properties and lifecycle ---------------------------------------------- */

static void
set_year (LxCalendarView *self,
          int             year)
{
  GDate date;

  if (year <= 0 || year == g_date_get_year (&self->focus))
    {
      self->year = year;
      return;
    }
  self->year = year;
  if (year == atoi (self->today))
    set_iso (&date, self->today);
  else
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, g_date_get_month (&self->focus), year);
    }
  set_focus_date (self, &date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

LxCalendarView *
lx_calendar_view_new (LxStore *store)
{
  return g_object_new (LX_TYPE_CALENDAR_VIEW, "store", store, NULL);
}

static void
lx_calendar_view_constructed (GObject *object)
{

  LxCalendarView *self = LX_CALENDAR_VIEW (object);

  G_OBJECT_CLASS (lx_calendar_view_parent_class)->constructed (object);

  load_css ();
  build_month_grid (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
lx_calendar_view_dispose (GObject *object)
{
  LxCalendarView *self = LX_CALENDAR_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_CALENDAR_VIEW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (lx_calendar_view_parent_class)->dispose (object);
}

static void
lx_calendar_view_finalize (GObject *object)
{
  LxCalendarView *self = LX_CALENDAR_VIEW (object);

  g_free (self->today);
  G_OBJECT_CLASS (lx_calendar_view_parent_class)->finalize (object);
}

static void
lx_calendar_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LxCalendarView *self = LX_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, g_date_get_year (&self->focus));
      break;
    case PROP_ADD_LABEL:
      g_value_set_string (value, _("Add an event"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_calendar_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LxCalendarView *self = LX_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_YEAR:
      set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_key (GtkWidgetClass  *widget_class,
          guint            key,
          GdkModifierType  mods,
          const char      *action,
          const char      *param)
{
  if (param != NULL)
    gtk_widget_class_add_binding_action (widget_class, key, mods, action, "s", param);
  else
    gtk_widget_class_add_binding_action (widget_class, key, mods, action, NULL);
}

static void
lx_calendar_view_class_init (LxCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lx_calendar_view_constructed;
  object_class->dispose = lx_calendar_view_dispose;
  object_class->finalize = lx_calendar_view_finalize;
  object_class->get_property = lx_calendar_view_get_property;
  object_class->set_property = lx_calendar_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LX_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADD_LABEL] =
    g_param_spec_string ("add-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/lx-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LxCalendarView, box);
  gtk_widget_class_bind_template_child (widget_class, LxCalendarView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LxCalendarView, stack);
  gtk_widget_class_bind_template_child (widget_class, LxCalendarView, month_grid);
  gtk_widget_class_bind_template_child (widget_class, LxCalendarView, week_box);
  gtk_widget_class_bind_template_child (widget_class, LxCalendarView, agenda_box);
  gtk_widget_class_bind_template_child (widget_class, LxCalendarView, duty_box);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);

  gtk_widget_class_install_action (widget_class, "view.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "calendar.view", "s", switch_action);
  gtk_widget_class_install_action (widget_class, "calendar.print-notice", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "calendar.export-notice", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "calendar.export-ics", NULL, output_action);
  bind_key (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "calendar.previous", NULL);
  bind_key (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "calendar.next", NULL);
  bind_key (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous", NULL);
  bind_key (widget_class, GDK_KEY_Page_Down, 0, "calendar.next", NULL);
  bind_key (widget_class, GDK_KEY_Home, 0, "calendar.today", NULL);
  bind_key (widget_class, GDK_KEY_t, 0, "calendar.today", NULL);
  bind_key (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "calendar.view", "month");
  bind_key (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "calendar.view", "week");
  bind_key (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "calendar.view", "agenda");
  bind_key (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "calendar.view", "duty");
}

static void
lx_calendar_view_init (LxCalendarView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->today = lx_date_today ();
  set_iso (&self->focus, self->today);
  self->year = g_date_get_year (&self->focus);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}
