import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import '@/components/pages/page.css';
import '@/components/dashboard/dashboard.css';
import { DashboardApp } from '@/components/dashboard/dashboard-app';
import { readLastView } from '@/utils/db/dashboard-views';

// The figures kept from the last visit, read (read-only) while the page starts: painted first,
// labelled with their time, until the background's answer replaces them.
const lastView = readLastView(indexedDB, 'local');
const root = document.getElementById('app');
if (root) render(<DashboardApp lastView={lastView} />, root);
