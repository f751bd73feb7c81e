/* oc3-star-gesture.c — star a talk with a secondary click or a long press,
 * wherever the talk is shown (timeline blocks, list rows): the mouse and
 * touch counterpart of Ctrl+D.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-star-gesture.h"

static void
toggle_star (GtkWidget *widget)
{
  Oc3TalkGuidFunc guid_func = g_object_get_data (G_OBJECT (widget), "oc3-talk-guid-func");
  const char *guid = guid_func (widget);

  if (guid != NULL)
    gtk_widget_activate_action (widget, "win.toggle-star-talk", "s", guid);
}

static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkWidget       *widget)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  toggle_star (widget);
}

static void
long_pressed_cb (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 GtkWidget           *widget)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  toggle_star (widget);
}

void
oc3_star_gesture_add (GtkWidget       *widget,
                      Oc3TalkGuidFunc  guid_func)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();

  g_object_set_data (G_OBJECT (widget), "oc3-talk-guid-func", guid_func);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (secondary_pressed_cb), widget, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (long_pressed_cb), widget, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (long_press));
}
