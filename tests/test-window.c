/* test-window.c — the main window opens, presents, switches views and closes
 * without leaking, inside a real headless GNOME session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-application.h"
#include "oc3-window.h"

static void
wait_for_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  /* A few more frames, so that anything deferred to the first layout runs too. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_window_opens_and_closes (void)
{
  g_autoptr (Oc3Application) app = oc3_application_new ();
  Oc3Window *window;

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = oc3_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_mapped (GTK_WIDGET (window));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (oc3_window_get_view (window), ==, "schedule");

  oc3_window_show_view (window, "tracks");
  g_assert_cmpstr (oc3_window_get_view (window), ==, "tracks");

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/opens-and-closes", test_window_opens_and_closes);

  return g_test_run ();
}
