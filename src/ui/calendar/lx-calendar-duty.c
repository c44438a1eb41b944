/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-calendar-duty"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-calendar-view.h"
#include "lx-duty.h"

static GtkWidget *
month_cell (const LxDutyRow *row,
            int              m)
{
  static const char * const marks[] = { "·", "✓", "✗" };
  static const char * const classes[] = { "duty-upcoming", "duty-done", "duty-missed" };
  const char *states[] = { _("upcoming"), _("done"), _("missed") };
  GtkWidget *label = gtk_label_new (marks[row->months[m]]);
  g_autofree char *name = NULL;

  /* Translators: a cell of the 下访 duty grid, "王芳 3月：已完成（2次）" */
  name = g_strdup_printf (_("%s, month %d: %s (%d)"), row->name, m + 1, states[row->months[m]],
                          row->visits[m]);
  gtk_widget_add_css_class (label, "duty-cell");
  gtk_widget_add_css_class (label, classes[row->months[m]]);
  gtk_widget_set_tooltip_text (label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return label;
}

static GtkWidget *
build_grid (GPtrArray *rows)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Field visit duty grid"), -1);
  for (int m = 0; m < 12; m++)
    {
      /* Translators: a month column of the duty grid, "3月" */
      g_autofree char *text = g_strdup_printf (_("M%d"), m + 1);
      GtkWidget *head = gtk_label_new (text);
      gtk_widget_add_css_class (head, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), head, m + 1, 0, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new (_("Months Done")), 13, 0, 1, 1);
  for (guint r = 0; r < rows->len; r++)
    {
      const LxDutyRow *row = g_ptr_array_index (rows, r);
      g_autofree char *total = g_strdup_printf ("%d / %d", row->done, row->done + row->missed);
      GtkWidget *name = gtk_label_new (row->name);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_margin_end (name, 12);
      gtk_grid_attach (GTK_GRID (grid), name, 0, r + 1, 1, 1);
      for (int m = 0; m < 12; m++)
        gtk_grid_attach (GTK_GRID (grid), month_cell (row, m), m + 1, r + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), gtk_label_new (total), 13, r + 1, 1, 1);
    }
  return grid;
}

/* For each leading cadre, the months of @year as done / missed / upcoming,
 * and the reception days held against those planned. */
GtkWidget *
lx_calendar_duty_new (LxStore    *store,
                      int         year,
                      const char *today)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autoptr(GPtrArray) rows = lx_duty_grid (store, year, today, NULL);
  g_autofree char *heading = NULL;
  g_autofree char *tally_text = NULL;
  LxReceptionTally tally;
  GtkWidget *label;

  /* Translators: heading of the 下访 grid, "2026年领导干部下访" */
  heading = g_strdup_printf (_("Field Visits by Leading Cadres in %d"), year);
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (box), label);

  if (rows == NULL || rows->len == 0)
    gtk_box_append (GTK_BOX (box), gtk_label_new (_("No member is marked as a leading cadre")));
  else
    gtk_box_append (GTK_BOX (box), build_grid (rows));

  if (lx_reception_tally (store, year, today, &tally, NULL))
    {
      /* Translators: "接待日：已举办 10 次，应举办 10 次，全年计划 12 次" */
      tally_text = g_strdup_printf (_("Reception days: %d held of %d due so far, %d planned in the year"),
                                    tally.held, tally.due, tally.planned);
      label = gtk_label_new (tally_text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}
