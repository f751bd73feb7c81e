/* ui-test-helpers.h — what the UI tests share: the fixture conference, a real
 * window, waiting for frames, screenshots, and finding what users see.
 *
 * Header-only (static inline) so that each test stays one .c file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "oc3-application.h"
#include "oc3-resources.h"
#include "oc3-schedule.h"
#include "oc3-screenshot.h"
#include "oc3-window.h"

/* What Oc3Application does at startup: the templates, and the style sheet
 * AdwApplication would load from the resource base path. */
static inline void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  oc3_register_resource ();

  gtk_css_provider_load_from_resource (provider, "/com/example/OC3/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* tests/data/ui/conference.json: two days in Europe/Berlin, three rooms,
 * three tracks, four speakers. */
static inline Oc3Conference *
ui_test_load_conference (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OC3_TEST_DATA"), "ui", "conference.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GBytes) bytes = NULL;
  Oc3Conference *conference;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  conference = oc3_schedule_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conference);

  return conference;
}

/* Lets @widget draw a few frames, so layout and styles have settled. */
static inline void
ui_test_wait_frames (GtkWidget *widget,
                     guint      n_frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gint64 until;

  g_assert_nonnull (clock);
  until = gdk_frame_clock_get_frame_counter (clock) + n_frames;
  while (gdk_frame_clock_get_frame_counter (clock) < until && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline void
ui_test_wait_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_get_mapped (widget));
  ui_test_wait_frames (widget, 3);
}

/* A real window, in the headless session, with a toast overlay as the app's
 * window has. */
static inline GtkWindow *
ui_test_window_new (GtkWidget *content,
                    int        width,
                    int        height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), content);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_mapped (window);

  return GTK_WINDOW (window);
}

/* The compositor decides the size; wait until it has agreed. */
static inline void
ui_test_resize (GtkWindow *window,
                int        width,
                int        height)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_set_default_size (window, width, height);
  while (gtk_widget_get_width (GTK_WIDGET (window)) != width && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
  ui_test_wait_frames (GTK_WIDGET (window), 3);
}

static inline void
ui_test_set_dark (GtkWidget *window,
                  gboolean   dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_DEFAULT);
  ui_test_wait_frames (window, 3);
}

/* A test artifact in _build/screenshots (or $OC3_SCREENSHOT_DIR): not
 * checked, but looked at. */
static inline void
ui_test_screenshot (GtkWidget  *window,
                    const char *name)
{
  const char *dir = g_getenv ("OC3_SCREENSHOT_DIR");
  g_autofree char *default_dir = g_test_build_filename (G_TEST_BUILT, "..", "screenshots", NULL);
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (dir == NULL || *dir == '\0')
    dir = default_dir;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, file_name, NULL);

  ui_test_wait_frames (window, 3);
  oc3_screenshot_save_now (window, path, &error);
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", path);
}

static inline void
assert_labels_within (GtkWidget *widget,
                      GtkWidget *root,
                      int        width)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && gtk_widget_compute_bounds (widget, root, &bounds) &&
      (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > width + 0.5))
    g_error ("The label “%s” is cut off: from %.1f to %.1f px, in %d px",
             gtk_label_get_text (GTK_LABEL (widget)), bounds.origin.x,
             bounds.origin.x + bounds.size.width, width);

  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget));

      g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment) - gtk_adjustment_get_page_size (hadjustment),
                         <=, 0.5);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_within (child, root, width);
}

/* Nothing in @widget needs a horizontal scrollbar or is cut off at @width:
 * it asks for no more than that, no scrolled window in it has anything to
 * scroll across, and every label is inside the window. */
static inline void
ui_test_assert_fits_width (GtkWidget *widget,
                           int        width)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, width);
  g_assert_cmpint (gtk_widget_get_width (widget), <=, width);
  assert_labels_within (widget, widget, width);
}

/* The texts of the mapped labels in @widget, in order: what is on screen. */
static inline void
ui_test_collect_labels (GtkWidget *widget,
                        GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ui_test_collect_labels (child, texts);
}

static inline gboolean
ui_test_shows_text (GtkWidget  *widget,
                    const char *text)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  ui_test_collect_labels (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (texts, i), text))
        return TRUE;
    }

  return FALSE;
}

/* The first descendant of @widget of @type (depth first), or %NULL. */
static inline GtkWidget *
ui_test_find_descendant (GtkWidget *widget,
                         GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;

      found = ui_test_find_descendant (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline void
ui_test_destroy_window (GtkWindow *window)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_object_ref (window);
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}

/* Runs the main loop until @done holds for @data, for 20 s at most; whether
 * it holds. */
static inline gboolean
ui_test_wait_until (gboolean (*done) (gpointer),
                    gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return done (data);
}

static inline gboolean
ui_test_window_has_conference (gpointer window)
{
  return oc3_window_get_conference (window) != NULL;
}

/* The application's window at @width × @height, whatever size and state it
 * restores from the last test, shown and mapped. */
static inline Oc3Window *
ui_test_open_app_window (Oc3Application *app,
                         int             width,
                         int             height)
{
  Oc3Window *window = oc3_window_new (app);

  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_mapped (GTK_WIDGET (window));

  return window;
}

/* For tests of whole windows: runs the tests added with a registered,
 * non-unique application in *@app, and releases it afterwards. */
static inline int
ui_test_run_with_application (Oc3Application **app)
{
  int status;

  *app = oc3_application_new ();
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (*app), NULL, NULL);
  status = g_test_run ();
  g_clear_object (app);

  return status;
}
