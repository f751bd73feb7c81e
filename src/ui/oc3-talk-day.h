/* oc3-talk-day.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "oc3-conference.h"

G_BEGIN_DECLS

Oc3Day *oc3_talk_find_day   (Oc3Talk       *talk,
                             Oc3Conference *conference);
char   *oc3_talk_format_day (Oc3Talk       *talk,
                             Oc3Conference *conference);

G_END_DECLS
