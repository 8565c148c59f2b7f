import type { Metadata } from 'next';
import { OnnxTryPage } from '../../../components/onnx/OnnxTryPage';
import { requireUser } from '../require-user';

export const metadata: Metadata = { title: 'Try an ONNX model' };

// The model runs in the visitor's browser and nothing is stored, so every role may use it.
export default async function OnnxPage() {
  await requireUser();
  return <OnnxTryPage />;
}
