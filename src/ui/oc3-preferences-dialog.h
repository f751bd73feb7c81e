/* oc3-preferences-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OC3_TYPE_PREFERENCES_DIALOG (oc3_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (Oc3PreferencesDialog, oc3_preferences_dialog, OC3, PREFERENCES_DIALOG, AdwPreferencesDialog)

Oc3PreferencesDialog *oc3_preferences_dialog_new (void);

G_END_DECLS
