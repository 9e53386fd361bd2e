import { createRoot } from 'react-dom/client';
import { connectHost } from './api/connect-host';

const root = createRoot(document.getElementById('root')!);
const api = await connectHost();
const info = await api.call('app.info', {});
root.render(<pre>{JSON.stringify(info, null, 2)}</pre>);
