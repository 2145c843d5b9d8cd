#ifndef VIZ_CAV_SHIM_H
#define VIZ_CAV_SHIM_H
/* libavformat linked directly, for the tests' MP4 probe only (Viz itself opens libav* at run time: CCodecs). */
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
#endif
