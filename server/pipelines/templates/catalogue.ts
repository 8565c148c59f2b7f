// The template collector: its order is the gallery's order.
import { customerChurnTemplate } from './customer-churn';
import { demandForecastTemplate } from './demand-forecast';
import { fraudDetectionTemplate } from './fraud-detection';
import { priceRegressionTemplate } from './price-regression';
import type { PipelineTemplate, TemplateInfo } from './template';

export const TEMPLATES: readonly PipelineTemplate[] = [
  fraudDetectionTemplate,
  customerChurnTemplate,
  priceRegressionTemplate,
  demandForecastTemplate,
];

export const TEMPLATE_IDS = TEMPLATES.map((t) => t.id) as [string, ...string[]];

export function findTemplate(id: string): PipelineTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The gallery's view of every template: everything but the builder. */
export function templateInfos(): TemplateInfo[] {
  return TEMPLATES.map(({ build: _build, ...info }) => info);
}
