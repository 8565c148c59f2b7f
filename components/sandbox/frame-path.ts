// Where the app serves the browser code sandbox's frame (app/sandbox/frame/route.ts). Its own
// file: proxy.ts and the page read it without pulling the frame's scripts into their bundles.
export const SANDBOX_FRAME_PATH = '/sandbox/frame';
