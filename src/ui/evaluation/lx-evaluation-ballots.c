/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-evaluation-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-evaluation-view-private.h"
#include "lx-window.h"

/* The ballot grid: a header of names and items, the last few saved ballots
 * for checking, and one row of one-digit entries for the paper ballot in
 * hand. A secretary types the digits without looking up; the cursor moves
 * on after each digit, a full row saves itself, Enter saves a row with
 * blanks. */

#define HEADER_ROWS 2
#define RECENT_ROWS 5

static int
column_of (guint target,
           int   item)
{
  return 1 + (int)target * LX_N_ITEMS + item;
}

static GtkWidget *
grid_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
show_message (LxEvaluationView *self,
              const char       *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static LxEvaluationTarget *
target_at (LxEvaluationView *self,
           guint             index)
{
  return g_ptr_array_index (self->targets, index / LX_N_ITEMS);
}

static gboolean
row_is (LxEvaluationView *self,
        gboolean          full)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      gboolean blank = *gtk_editable_get_text (g_ptr_array_index (self->cells, i)) == '\0';
      if (full == blank)
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_idle (gpointer data)
{
  LxEvaluationView *self = data;

  self->save_id = 0;
  lx_evaluation_ballots_save (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* Only one digit from 1 to 4 goes into a cell; anything else is refused
 * with a word of help. */
static void
on_cell_insert_text (GtkEditable *editable,
                     const char  *text,
                     int          length,
                     int         *position,
                     gpointer     user_data)
{
  LxEvaluationView *self = user_data;
  gboolean ok = (length == 1 || (length < 0 && text[0] != '\0' && text[1] == '\0'))
                && text[0] >= '1' && text[0] <= '4';

  if (self->filling || ok)
    return;
  g_signal_stop_emission_by_name (editable, "insert-text");
  gtk_widget_error_bell (GTK_WIDGET (editable));
  show_message (self, _("Type 1 (satisfied), 2 (fairly satisfied), 3 (basically satisfied) "
                        "or 4 (dissatisfied)"));
}

static void
on_cell_changed (GtkEditable      *cell,
                 LxEvaluationView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "index"));

  if (self->filling || *gtk_editable_get_text (cell) == '\0')
    return;
  show_message (self, NULL);
  if (row_is (self, TRUE))
    {
      /* Not from inside the entry's own signal: saving clears the entries. */
      if (self->save_id == 0)
        self->save_id = g_idle_add (save_idle, self);
    }
  else if (index + 1 < self->cells->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->cells, index + 1));
}

static void
on_cell_activate (GtkEntry         *cell,
                  LxEvaluationView *self)
{
  lx_evaluation_ballots_save (self, TRUE);
}

/* Backspace in an empty cell goes back to the one before, as on paper. */
static gboolean
on_cell_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             LxEvaluationView      *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "index"));

  if (keyval != GDK_KEY_BackSpace || index == 0 || *gtk_editable_get_text (GTK_EDITABLE (cell)) != '\0')
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (g_ptr_array_index (self->cells, index - 1));
  return GDK_EVENT_STOP;
}

static GtkWidget *
make_cell (LxEvaluationView *self,
           guint             target,
           int               item)
{
  LxEvaluationTarget *t = g_ptr_array_index (self->targets, target);
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *key;
  /* Translators: the accessible name of a ballot cell: person, item */
  g_autofree char *name = g_strdup_printf (_("%s, %s"), t->name, lx_evaluation_item_label (item));

  gtk_entry_set_max_length (GTK_ENTRY (entry), 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 1);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 1);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 0.5);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_set_tooltip_text (entry, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (item == 0 && target > 0)
    gtk_widget_set_margin_start (entry, 10);
  g_object_set_data (G_OBJECT (entry), "index", GUINT_TO_POINTER (self->cells->len));
  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "insert-text",
                    G_CALLBACK (on_cell_insert_text), self);
  g_signal_connect (entry, "changed", G_CALLBACK (on_cell_changed), self);
  g_signal_connect (entry, "activate", G_CALLBACK (on_cell_activate), self);
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_cell_key), self);
  gtk_widget_add_controller (entry, key);
  g_ptr_array_add (self->cells, entry);
  return entry;
}

static void
add_header (LxEvaluationView *self)
{
  gtk_grid_attach (self->ballot_grid, grid_label (_("No."), "heading"), 0, 0, 1, 2);
  for (guint t = 0; t < self->targets->len; t++)
    {
      LxEvaluationTarget *target = g_ptr_array_index (self->targets, t);
      GtkWidget *name = grid_label (target->name, "heading");

      gtk_widget_set_tooltip_text (name, target->org_name);
      if (t > 0)
        gtk_widget_set_margin_start (name, 10);
      gtk_grid_attach (self->ballot_grid, name, column_of (t, 0), 0, LX_N_ITEMS, 1);
      for (int i = 0; i < LX_N_ITEMS; i++)
        {
          GtkWidget *item = grid_label (lx_evaluation_item_abbrev (i),
                                        "caption");

          gtk_widget_add_css_class (item, "dim-label");
          gtk_widget_set_tooltip_text (item, lx_evaluation_item_label (i));
          if (i == 0 && t > 0)
            gtk_widget_set_margin_start (item, 10);
          gtk_grid_attach (self->ballot_grid, item, column_of (t, i), 1, 1, 1);
        }
    }
}

void
lx_evaluation_ballots_rebuild (LxEvaluationView *self)
{
  GtkWidget *child;
  int entry_row = HEADER_ROWS;

  g_clear_handle_id (&self->save_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ballot_grid))) != NULL)
    gtk_grid_remove (self->ballot_grid, child);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  self->cells = g_ptr_array_new ();
  self->n_recent = 0;
  if (self->targets == NULL)
    return;

  add_header (self);
  gtk_grid_attach (self->ballot_grid, grid_label ("▸", "heading"), 0, entry_row, 1, 1);
  for (guint t = 0; t < self->targets->len; t++)
    for (int i = 0; i < LX_N_ITEMS; i++)
      gtk_grid_attach (self->ballot_grid, make_cell (self, t, i), column_of (t, i), entry_row, 1, 1);
  show_message (self, NULL);
  lx_evaluation_ballots_refresh (self);
}

static void
add_recent_row (LxEvaluationView *self,
                LxBallot         *ballot,
                int               row)
{
  /* Translators: a saved ballot's number at the start of its row */
  g_autofree char *number = g_strdup_printf (_("No. %d"), ballot->number);

  gtk_grid_insert_row (self->ballot_grid, row);
  gtk_grid_attach (self->ballot_grid, grid_label (number, "dim-label"), 0, row, 1, 1);
  for (guint t = 0; t < self->targets->len; t++)
    for (int i = 0; i < LX_N_ITEMS; i++)
      {
        LxEvaluationTarget *target = g_ptr_array_index (self->targets, t);
        LxMassGrade g = lx_ballot_get_grade (ballot, target->id, i);
        char digit[2] = { g == LX_MASS_NONE ? '\0' : (char)('0' + g), '\0' };
        GtkWidget *label = grid_label (g == LX_MASS_NONE ? "·" : digit, "numeric");

        if (g == LX_MASS_DISSATISFIED)
          gtk_widget_add_css_class (label, "error");
        if (i == 0 && t > 0)
          gtk_widget_set_margin_start (label, 10);
        gtk_grid_attach (self->ballot_grid, label, column_of (t, i), row, 1, 1);
      }
}

static gboolean
ballot_exists (LxEvaluationView *self,
               int               number)
{
  g_autoptr(LxBallot) b = lx_evaluation_get_ballot (self->store, self->campaign->id, number, NULL);
  return b != NULL;
}

void
lx_evaluation_ballots_refresh (LxEvaluationView *self)
{
  g_autoptr(GPtrArray) recent = NULL;

  if (self->campaign == NULL || self->targets == NULL)
    return;
  for (; self->n_recent > 0; self->n_recent--)
    gtk_grid_remove_row (self->ballot_grid, HEADER_ROWS);
  recent = lx_evaluation_list_ballots (self->store, self->campaign->id, RECENT_ROWS, NULL);
  for (guint r = 0; recent != NULL && r < recent->len; r++)
    add_recent_row (self, g_ptr_array_index (recent, r), HEADER_ROWS + (int)self->n_recent++);

  /* A row being typed keeps its number. */
  if (row_is (self, FALSE))
    {
      self->filling = TRUE;
      gtk_spin_button_set_value (self->number_spin,
                                 lx_evaluation_next_ballot_number (self->store, self->campaign->id, NULL));
      self->filling = FALSE;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button),
                            ballot_exists (self, gtk_spin_button_get_value_as_int (self->number_spin)));
}

static void
set_cells (LxEvaluationView *self,
           LxBallot         *ballot)
{
  self->filling = TRUE;
  for (guint c = 0; c < self->cells->len; c++)
    {
      LxMassGrade g = ballot ? lx_ballot_get_grade (ballot, target_at (self, c)->id, c % LX_N_ITEMS)
                             : LX_MASS_NONE;
      char digit[2] = { g == LX_MASS_NONE ? '\0' : (char)('0' + g), '\0' };

      gtk_editable_set_text (g_ptr_array_index (self->cells, c), digit);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->respondent_entry),
                         ballot && ballot->respondent ? ballot->respondent : "");
  self->filling = FALSE;
}

static void
focus_first_cell (LxEvaluationView *self)
{
  if (self->cells->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->cells, 0));
}

void
lx_evaluation_ballots_clear (LxEvaluationView *self)
{
  set_cells (self, NULL);
  show_message (self, NULL);
  lx_evaluation_ballots_refresh (self);
  focus_first_cell (self);
}

void
lx_evaluation_ballots_save (LxEvaluationView *self,
                            gboolean          explicit_save)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxBallot) ballot = NULL;
  g_autofree char *done = NULL;
  gboolean replaced = FALSE;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->campaign == NULL || self->cells == NULL)
    return;
  ballot = lx_ballot_new (gtk_spin_button_get_value_as_int (self->number_spin),
                          gtk_editable_get_text (GTK_EDITABLE (self->respondent_entry)));
  for (guint c = 0; c < self->cells->len; c++)
    lx_ballot_set_grade (ballot, target_at (self, c)->id, c % LX_N_ITEMS,
                         lx_mass_grade_parse (gtk_editable_get_text (g_ptr_array_index (self->cells, c))));
  if (ballot->grades->len == 0)
    {
      if (explicit_save)
        show_message (self, _("The row is empty: type the grades of the ballot first"));
      return;
    }
  if (lx_evaluation_save_ballot (self->store, self->campaign->id, ballot, &replaced, &error) == 0)
    {
      show_message (self, error->message);
      return;
    }

  done = replaced ? g_strdup_printf (_("Ballot %d replaced"), ballot->number)
                  : g_strdup_printf (_("Ballot %d saved"), ballot->number);
  lx_evaluation_view_toast (self, done);
  lx_evaluation_ballots_clear (self);
}

/* Typing the number of a ballot already saved brings it back for
 * correcting. */
void
lx_evaluation_ballots_load (LxEvaluationView *self)
{
  g_autoptr(LxBallot) ballot = NULL;
  int number = gtk_spin_button_get_value_as_int (self->number_spin);

  if (self->campaign == NULL || self->cells == NULL)
    return;
  ballot = lx_evaluation_get_ballot (self->store, self->campaign->id, number, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), ballot != NULL);
  if (ballot == NULL)
    {
      show_message (self, NULL);
      return;
    }
  set_cells (self, ballot);
  {
    g_autofree char *note = g_strdup_printf (_("Ballot %d is already saved: what you change replaces it"),
                                             number);
    show_message (self, note);
  }
}

static void
on_undo_delete (AdwToast *toast,
                gpointer  user_data)
{
  LxEvaluationView *self = user_data;
  LxBallot *ballot = g_object_get_data (G_OBJECT (toast), "ballot");
  g_autoptr(GError) error = NULL;

  if (self->campaign == NULL || ballot == NULL)
    return;
  if (lx_evaluation_save_ballot (self->store, self->campaign->id, ballot, NULL, &error) == 0)
    lx_evaluation_view_toast (self, error->message);
}

void
lx_evaluation_ballots_delete (LxEvaluationView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  LxBallot *ballot;
  AdwToast *toast;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int number = gtk_spin_button_get_value_as_int (self->number_spin);

  if (self->campaign == NULL)
    return;
  ballot = lx_evaluation_get_ballot (self->store, self->campaign->id, number, &error);
  if (ballot == NULL || !lx_evaluation_delete_ballot (self->store, ballot->id, &error))
    {
      show_message (self, error->message);
      lx_ballot_free (ballot);
      return;
    }
  done = g_strdup_printf (_("Ballot %d deleted"), number);
  toast = adw_toast_new (done);
  adw_toast_set_button_label (toast, _("Undo"));
  g_object_set_data_full (G_OBJECT (toast), "ballot", ballot, (GDestroyNotify)lx_ballot_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);
  if (LX_IS_WINDOW (root))
    lx_window_show_toast (LX_WINDOW (root), toast);
  else
    g_object_unref (toast);
  lx_evaluation_ballots_clear (self);
}
