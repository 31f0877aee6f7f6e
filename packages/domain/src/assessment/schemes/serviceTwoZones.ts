import type { AssessmentScheme, AssessmentSchemeJson, StarLadder, StarLadderJson } from "../AssessmentScheme.js"
import { decodeScheme, decodeStarLadder } from "../SchemeDecode.js"

/**
 * The star ladder of Henan's modern service "two zones" (服务业“两区”晋星升级, 2016), in 亿元 (value added,
 * tax) and 万人 (employment).
 *
 * Given by the documents: entry 增加值 2亿, 税收 0.3亿, 从业人员 0.12万; one star 5亿 / 0.75亿 / 0.3万;
 * six stars 100亿 / 15亿 / 6万. Stars 2–5 are an assumption: geometric interpolation between one and six
 * stars (each step × 20^(1/5) ≈ 1.8206, the same ratio for all three indicators since 100/5 = 15/0.75 =
 * 6/0.3 = 20), rounded to three significant figures.
 */
export const serviceTwoZonesStarLadderJson = {
  id: "henan-service-two-zones-2016",
  name: { zh: "服务业“两区”晋星升级标准（2016）", en: 'Service "two zones" star ladder (2016)' },
  entry: [
    { indicator: "value_added", min: 2 },
    { indicator: "tax_total", min: 0.3 },
    { indicator: "employment", min: 0.12 },
  ],
  levels: [
    {
      stars: 1,
      name: { zh: "一星", en: "One star" },
      thresholds: [
        { indicator: "value_added", min: 5 },
        { indicator: "tax_total", min: 0.75 },
        { indicator: "employment", min: 0.3 },
      ],
    },
    {
      stars: 2,
      name: { zh: "二星", en: "Two stars" },
      thresholds: [
        { indicator: "value_added", min: 9.1 },
        { indicator: "tax_total", min: 1.37 },
        { indicator: "employment", min: 0.546 },
      ],
    },
    {
      stars: 3,
      name: { zh: "三星", en: "Three stars" },
      thresholds: [
        { indicator: "value_added", min: 16.6 },
        { indicator: "tax_total", min: 2.49 },
        { indicator: "employment", min: 0.994 },
      ],
    },
    {
      stars: 4,
      name: { zh: "四星", en: "Four stars" },
      thresholds: [
        { indicator: "value_added", min: 30.2 },
        { indicator: "tax_total", min: 4.53 },
        { indicator: "employment", min: 1.81 },
      ],
    },
    {
      stars: 5,
      name: { zh: "五星", en: "Five stars" },
      thresholds: [
        { indicator: "value_added", min: 54.9 },
        { indicator: "tax_total", min: 8.24 },
        { indicator: "employment", min: 3.3 },
      ],
    },
    {
      stars: 6,
      name: { zh: "六星", en: "Six stars" },
      thresholds: [
        { indicator: "value_added", min: 100 },
        { indicator: "tax_total", min: 15 },
        { indicator: "employment", min: 6 },
      ],
    },
  ],
  notes: [
    { zh: "文件给定：入门、一星、六星门槛。", en: "From the documents: entry, one-star and six-star thresholds." },
    {
      zh: "假设：二至五星按一星与六星之间等比插值（公比 20^(1/5) ≈ 1.8206），取三位有效数字。",
      en: "Assumption: stars 2–5 interpolated geometrically between one and six stars (ratio 20^(1/5) ≈ 1.8206), three significant figures.",
    },
  ],
} as const satisfies StarLadderJson

/** {@link serviceTwoZonesStarLadderJson} decoded and checked. */
export const serviceTwoZonesStarLadder: StarLadder = decodeStarLadder(serviceTwoZonesStarLadderJson)

/**
 * A scheme for service agglomerations that scores value added, tax and employment with equal weights,
 * ranks in the two groups and rates stars on {@link serviceTwoZonesStarLadder}. The equal weights are an
 * assumption; the documents state only the star thresholds.
 */
export const serviceTwoZonesSchemeJson = {
  id: "henan-service-two-zones",
  name: { zh: "服务业“两区”考核与晋星", en: 'Service "two zones": evaluation and stars' },
  totalPoints: 100,
  dimensions: [
    {
      id: "scale",
      name: { zh: "规模效益", en: "Scale and returns" },
      indicators: [
        { code: "value_added", weight: null },
        { code: "tax_total", weight: null },
        { code: "employment", weight: null },
      ],
    },
  ],
  weighting: { method: "equal" },
  normalisation: { method: "minmax" },
  normaliseWithin: "group",
  rewards: { urban_district: 10, county: 30 },
  veto: [],
  stars: serviceTwoZonesStarLadderJson,
} as const satisfies AssessmentSchemeJson

/** {@link serviceTwoZonesSchemeJson} decoded and checked. */
export const serviceTwoZonesScheme: AssessmentScheme = decodeScheme(serviceTwoZonesSchemeJson)
