import { useParams } from 'react-router-dom';
import { FormBuilderLoader } from './components/FormBuilderLoader';
import { FormList } from './components/FormList';
import './form-designer-messages';
import './form-designer.css';

/** /admin/forms: the list; /admin/forms/:key: the three-pane builder. */
export default function FormDesignerPage() {
  const { key } = useParams();
  return key ? <FormBuilderLoader key={key} formKey={key} /> : <FormList />;
}
