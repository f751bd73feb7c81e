/* oc3-talk-format.h — a talk's facts as short texts for rows, blocks,
 * notifications and screen readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "oc3-talk.h"

G_BEGIN_DECLS

const char *oc3_talk_get_room_name            (Oc3Talk   *talk);
const char *oc3_talk_get_color                (Oc3Talk   *talk);
char       *oc3_talk_format_speakers          (Oc3Talk   *talk);
char       *oc3_talk_format_accessible_summary (Oc3Talk  *talk,
                                               GTimeZone *zone);

G_END_DECLS
