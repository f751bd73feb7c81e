/* oc3-preferences-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-preferences-dialog.h"

struct _Oc3PreferencesDialog
{
  AdwPreferencesDialog parent_instance;

  GSettings *settings;

  AdwComboRow *time_zone_row;
  AdwComboRow *lead_time_row;
  AdwSwitchRow *star_enables_reminder_row;
  AdwSwitchRow *run_in_background_row;
  AdwSwitchRow *autostart_row;
};

G_DEFINE_FINAL_TYPE (Oc3PreferencesDialog, oc3_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

/* The combo row's positions, in the order of the "time-zone-mode" choices. */
static const char *time_zone_modes[] = { "conference", "local" };

/* The lead times offered, in the order of the combo row. */
static const int lead_minutes[] = { 0, 5, 10, 15, 30 };

static gboolean
minutes_to_position (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  int minutes = g_variant_get_int32 (variant);
  guint best = 0;

  /* A value set outside the app gets the nearest choice. */
  for (guint i = 0; i < G_N_ELEMENTS (lead_minutes); i++)
    if (ABS (lead_minutes[i] - minutes) < ABS (lead_minutes[best] - minutes))
      best = i;
  g_value_set_uint (value, best);
  return TRUE;
}

static GVariant *
position_to_minutes (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (lead_minutes))
    return NULL;

  return g_variant_new_int32 (lead_minutes[position]);
}

Oc3PreferencesDialog *
oc3_preferences_dialog_new (void)
{
  return g_object_new (OC3_TYPE_PREFERENCES_DIALOG, NULL);
}

static gboolean
mode_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *mode = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (time_zone_modes); i++)
    if (g_strcmp0 (mode, time_zone_modes[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_mode (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (time_zone_modes))
    return NULL;

  return g_variant_new_string (time_zone_modes[position]);
}

static void
oc3_preferences_dialog_dispose (GObject *object)
{
  Oc3PreferencesDialog *self = OC3_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (oc3_preferences_dialog_parent_class)->dispose (object);
}

static void
oc3_preferences_dialog_class_init (Oc3PreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = oc3_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3PreferencesDialog, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3PreferencesDialog, lead_time_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3PreferencesDialog, star_enables_reminder_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3PreferencesDialog, run_in_background_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3PreferencesDialog, autostart_row);
}

static void
oc3_preferences_dialog_init (Oc3PreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind_with_mapping (self->settings, "time-zone-mode", self->time_zone_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, mode_to_position, position_to_mode, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "reminder-lead-minutes", self->lead_time_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, minutes_to_position, position_to_minutes, NULL, NULL);
  g_settings_bind (self->settings, "star-enables-reminder", self->star_enables_reminder_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "run-in-background", self->run_in_background_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autostart", self->autostart_row, "active", G_SETTINGS_BIND_DEFAULT);
}
